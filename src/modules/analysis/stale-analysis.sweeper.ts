import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { JobName } from '../../core/job-queue/job-registry';
import { JobQueueService } from '../../core/job-queue/job-queue.service';
import { ANALYSIS_BATCH_SIZE } from '../feedback/feedback-ingestion.service';
import { FeedbackService } from '../feedback/feedback.service';

const EVERY_MS = 60_000;
/** Feedback still pending this long after arrival lost its job (a crash in embedded mode, a flushed Redis). */
const STALE_AFTER_MS = 5 * 60_000;
/** After Redis lost its data every pending item may have lost its job: all of them are re-queued at once. */
const AFTER_DATA_LOSS_LIMIT = 100_000;

/** Re-queues analysis that never happened, so nothing accepted stays unanalysed. Runs where jobs run. */
@Injectable()
export class StaleAnalysisSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StaleAnalysisSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly feedback: FeedbackService,
    private readonly queue: JobQueueService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runsJobs) return;
    // Waiting 5 minutes would be too late: Redis restarted empty, nothing is in flight any more.
    this.queue.onDataLost(() => void this.sweep(0, AFTER_DATA_LOSS_LIMIT));
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(staleAfterMs = STALE_AFTER_MS, limit = 5_000): Promise<number> {
    try {
      const ids = await this.feedback.findStalePending(new Date(Date.now() - staleAfterMs), limit);
      const minute = Math.floor(Date.now() / 60_000);
      const jobs = [];
      for (let i = 0; i < ids.length; i += ANALYSIS_BATCH_SIZE) {
        const batch = ids.slice(i, i + ANALYSIS_BATCH_SIZE);
        jobs.push({ payload: { feedbackIds: batch }, jobId: `stale:${batch[0]}:${minute}` });
      }
      if (jobs.length) {
        await this.queue.enqueueMany(JobName.AnalyseFeedback, jobs);
        this.logger.warn(
          `Re-queued analysis of ${ids.length} item(s) pending for over ${Math.round(staleAfterMs / 1000)} s`,
        );
      }
      return ids.length;
    } catch (error) {
      this.logger.warn(`Stale analysis sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
