import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../../core/job-queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../../core/job-queue/job-registry';
import { SystemService } from '../system.service';

@Injectable()
export class CompletePingJob {
  constructor(private readonly system: SystemService) {}

  @JobHandler(JobName.SystemPing)
  async handle(payload: JobPayloads[JobName.SystemPing]): Promise<void> {
    await this.system.completePing(payload.pingId);
  }
}
