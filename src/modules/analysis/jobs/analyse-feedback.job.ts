import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { JobHandler } from '../../../core/job-queue/job-handler.decorator';
import { JobQueueService } from '../../../core/job-queue/job-queue.service';
import { JobName, JobPayloads } from '../../../core/job-queue/job-registry';
import { AnalysisService } from '../analysis.service';
import { ReprocessService } from '../reprocess.service';
import { daysToRescan, rescanJobId } from './anomaly-rescan';

@Injectable()
export class AnalyseFeedbackJob {
  constructor(
    private readonly analysis: AnalysisService,
    private readonly reprocess: ReprocessService,
    private readonly queue: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  @JobHandler(JobName.AnalyseFeedback)
  async handle(payload: JobPayloads[JobName.AnalyseFeedback]): Promise<void> {
    const report = await this.analysis.analyseBatch(payload.feedbackIds);
    if (payload.reprocessId) {
      await this.reprocess.recordProgress(payload.reprocessId, payload.feedbackIds.length, report.failed);
    }
    const delayMs = this.config.anomalyRescanDelayMs;
    const now = Date.now();
    for (const day of delayMs ? daysToRescan(report.days) : [])
      await this.queue.enqueue(
        JobName.DetectAnomalies,
        { days: [day] },
        { jobId: rescanJobId(day, now, delayMs), delayMs },
      );
  }
}
