import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { FOLD_BATCH_SIZE, JobName } from '../../../core/job-queue/job-registry';
import { JobQueueService } from '../../../core/job-queue/job-queue.service';
import { CustomerFiguresService } from './customer-figures.service';

const EVERY_MS = 60_000;
/** An event still waiting this long after arrival lost its fold job (a crash in embedded mode, a flushed Redis). */
const STALE_AFTER_MS = 5 * 60_000;
/** After Redis lost its data every waiting event may have lost its job: all of them are queued again at once. */
const AFTER_DATA_LOSS_LIMIT = 200_000;

/** Queues the fold of outcome events whose job was lost, so every accepted event ends up counted. Runs where jobs run. */
@Injectable()
export class PendingOutcomeFiguresSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PendingOutcomeFiguresSweeper.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly figures: CustomerFiguresService,
    private readonly queue: JobQueueService,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runsJobs) return;
    this.queue.onDataLost(() => void this.sweep(0, AFTER_DATA_LOSS_LIMIT));
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(staleAfterMs = STALE_AFTER_MS, limit = 50_000): Promise<number> {
    try {
      const ids = await this.figures.stalePendingOutcomes(new Date(Date.now() - staleAfterMs), limit);
      const minute = Math.floor(Date.now() / 60_000);
      const jobs = [];
      for (let i = 0; i < ids.length; i += FOLD_BATCH_SIZE) {
        const batch = ids.slice(i, i + FOLD_BATCH_SIZE);
        jobs.push({ payload: { outcomeIds: batch }, jobId: `stale-fold:${batch[0]}:${minute}` });
      }
      if (jobs.length) {
        await this.queue.enqueueMany(JobName.FoldOutcomeFigures, jobs);
        this.logger.warn(
          `Re-queued the fold of ${ids.length} outcome event(s) waiting for over ${Math.round(staleAfterMs / 1000)} s`,
        );
      }
      return ids.length;
    } catch (error) {
      this.logger.warn(`Pending outcome figures sweep failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
