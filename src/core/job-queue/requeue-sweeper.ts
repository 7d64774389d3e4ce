import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { JobQueueService } from './job-queue.service';
import { JobName, JobPayloads } from './job-registry';

const EVERY_MS = 60_000;

/** What a sweeper re-queues: rows whose job was lost, found by age, and the job that handles a batch of them. */
export interface RequeueSpec<N extends JobName> {
  job: N;
  /** Rows waiting this long lost their job (a crash in embedded mode, a flushed Redis). */
  staleAfterMs: number;
  /** Rows per sweep; after the queue lost its data, `afterDataLossLimit` at once. */
  limit: number;
  afterDataLossLimit: number;
  /** Ids per job, and the job's payload for a batch of them. */
  batchSize: number;
  payload(ids: string[]): JobPayloads[N];
  /** Ids of rows waiting since before `before`, oldest first. */
  findStale(before: Date, limit: number): Promise<string[]>;
  /** What the log says was re-queued, e.g. "analysis of 3 item(s)". */
  describe(count: number): string;
}

/**
 * Re-queues work whose job never ran, so nothing accepted stays undone: every minute, and at once (every waiting row)
 * when the queue reports lost data. Runs where jobs run. Job ids name the batch's first row and the minute, so two
 * processes sweeping the same rows in one minute queue them once.
 */
export abstract class RequeueSweeper<N extends JobName>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;

  protected constructor(
    private readonly config: AppConfig,
    private readonly queue: JobQueueService,
    private readonly spec: RequeueSpec<N>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runsJobs) return;
    // Waiting for the next tick would be too late: Redis restarted empty, nothing is in flight any more.
    this.queue.onDataLost(() => void this.sweep(0, this.spec.afterDataLossLimit));
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Re-queues what waits longer than `staleAfterMs`; returns how many rows. Never throws. */
  async sweep(staleAfterMs = this.spec.staleAfterMs, limit = this.spec.limit): Promise<number> {
    const { job, batchSize } = this.spec;
    try {
      const ids = await this.spec.findStale(new Date(Date.now() - staleAfterMs), limit);
      const minute = Math.floor(Date.now() / 60_000);
      const jobs = [];
      for (let i = 0; i < ids.length; i += batchSize) {
        const batch = ids.slice(i, i + batchSize);
        jobs.push({ payload: this.spec.payload(batch), jobId: `stale:${job}:${batch[0]}:${minute}` });
      }
      if (jobs.length) {
        await this.queue.enqueueMany(job, jobs);
        this.logger.warn(
          `Re-queued ${this.spec.describe(ids.length)} waiting for over ${Math.round(staleAfterMs / 1000)} s`,
        );
      }
      return ids.length;
    } catch (error) {
      this.logger.warn(`Sweep for lost ${job} jobs failed: ${(error as Error).message}`);
      return 0;
    }
  }
}
