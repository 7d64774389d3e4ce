import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../../core/job-queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../../core/job-queue/job-registry';
import { AnalysisService } from '../analysis.service';
import { ReprocessService } from '../reprocess.service';

@Injectable()
export class AnalyseFeedbackJob {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly reprocess: ReprocessService,
  ) {}

  @JobHandler(JobName.AnalyseFeedback)
  async handle(payload: JobPayloads[JobName.AnalyseFeedback]): Promise<void> {
    const report = await this.analysis.analyseBatch(payload.feedbackIds);
    if (payload.reprocessId) {
      await this.reprocess.recordProgress(payload.reprocessId, payload.feedbackIds.length, report.failed);
    }
  }
}
