import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../../core/job-queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../../core/job-queue/job-registry';
import { ReprocessService } from '../reprocess.service';

@Injectable()
export class PlanReprocessJob {
  constructor(private readonly reprocess: ReprocessService) {}

  @JobHandler(JobName.PlanReprocess)
  async handle(payload: JobPayloads[JobName.PlanReprocess]): Promise<void> {
    await this.reprocess.planPage(payload.reprocessId, payload.afterId);
  }
}
