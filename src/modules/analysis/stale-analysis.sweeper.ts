import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { JobName } from '../../core/job-queue/job-registry';
import { JobQueueService } from '../../core/job-queue/job-queue.service';
import { RequeueSweeper } from '../../core/job-queue/requeue-sweeper';
import { ANALYSIS_BATCH_SIZE } from '../feedback/feedback-ingestion.service';
import { FeedbackService } from '../feedback/feedback.service';

/** Re-queues analysis that never happened, so nothing accepted stays unanalysed. Runs where jobs run. */
@Injectable()
export class StaleAnalysisSweeper extends RequeueSweeper<JobName.AnalyseFeedback> {
  constructor(config: AppConfig, queue: JobQueueService, feedback: FeedbackService) {
    super(config, queue, {
      job: JobName.AnalyseFeedback,
      // Feedback still pending 5 minutes after arrival lost its job.
      staleAfterMs: 5 * 60_000,
      limit: 5_000,
      // After Redis lost its data every pending item may have lost its job: all of them are re-queued at once.
      afterDataLossLimit: 100_000,
      batchSize: ANALYSIS_BATCH_SIZE,
      payload: (feedbackIds) => ({ feedbackIds }),
      findStale: (before, limit) => feedback.findStalePending(before, limit),
      describe: (n) => `analysis of ${n} item(s)`,
    });
  }
}
