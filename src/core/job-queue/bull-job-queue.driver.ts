import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import Bull from 'bull';
import { JobDefinition } from './job-registry';
import {
  FAILED_JOBS_KEPT,
  JobCounts,
  JobProcessor,
  JobQueueDriver,
  NewJob,
  NewRepeatableJob,
  RunningJob,
} from './job-queue-driver';
import { withTimeout } from './with-timeout.util';

/** One queue for every job name: Bull stacks concurrency per named processor, one '*' processor keeps it exact. */
const QUEUE_NAME = 'jobs';
const CLOSE_TIMEOUT_MS = 2_000;
/**
 * Reconnect delay cap. Bull's default grows to 20 s, so a Redis back after an outage stayed unused for up to
 * 20 s more; one connection attempt a second per client while Redis is away costs nothing.
 */
const RECONNECT_MAX_DELAY_MS = 1_000;
/**
 * A worker killed mid-job leaves its jobs active with a lock nobody renews. Bull's defaults (30 s lock, checked
 * every 30 s) let them wait up to a minute, and moved a job to `failed` for good the second time its worker
 * died (maxStalledCount 1), so three crashes left items unanalysed. Handlers are idempotent: a stalled job
 * runs again, up to 5 times (a job that kills every worker it lands on must still stop somewhere).
 */
const STALL_SETTINGS: Bull.AdvancedSettings = {
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 5,
};

/** The only file that knows about Bull. Jobs persist in Redis under `<prefix>:jobs:*`. */
export class BullJobQueueDriver implements JobQueueDriver {
  private readonly logger = new Logger('JobQueue');
  private readonly queue: Bull.Queue;
  private completed = 0;
  private started = false;
  private stopping?: Promise<void>;
  /** The store's identity as this process last saw it; another value (or none) after a reconnect = data lost. */
  private epoch?: string;
  private readonly dataLostListeners: (() => void)[] = [];

  constructor(redisUrl: string, prefix: string) {
    this.queue = new Bull(QUEUE_NAME, redisUrl, {
      prefix,
      redis: { retryStrategy: (times: number) => Math.min(times * 100, RECONNECT_MAX_DELAY_MS) },
      settings: STALL_SETTINGS,
      // Completed jobs would only fill Redis (counts are kept in-process); failed ones stay for inspection.
      defaultJobOptions: { removeOnComplete: true, removeOnFail: FAILED_JOBS_KEPT },
    });
    this.queue.on('error', (error) => this.logger.error(`Redis queue error: ${error.message}`));
    this.queue.client.on('ready', () => void this.checkEpoch());
  }

  onDataLost(listener: () => void): void {
    this.dataLostListeners.push(listener);
  }

  /**
   * A Redis restarted without persistence answers as if nothing happened, with every waiting job gone. The
   * first process to connect writes a random epoch; each process compares it on every (re)connect.
   */
  private async checkEpoch(): Promise<void> {
    try {
      const key = this.queue.toKey('epoch');
      await this.queue.client.set(key, randomUUID(), 'NX');
      const current = (await this.queue.client.get(key)) ?? undefined;
      const lost = this.epoch !== undefined && current !== this.epoch;
      this.epoch = current;
      if (!lost) return;
      this.logger.warn('Redis came back without its data: jobs that waited in it are re-derived');
      this.dataLostListeners.forEach((listener) => listener());
    } catch (error) {
      this.logger.warn(`Could not check the queue's epoch: ${(error as Error).message}`);
    }
  }

  async add(jobs: NewJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.forgetFailed(jobs.flatMap((job) => (job.jobId ? [job.jobId] : [])));
    await this.queue.addBulk(
      jobs.map((job) => ({
        name: job.name,
        data: job.payload,
        opts: { ...retryOptions(job.policy), jobId: job.jobId, delay: job.delayMs },
      })),
    );
  }

  async addRepeatable(job: NewRepeatableJob): Promise<void> {
    // Bull keys a schedule by its cron too, so a changed cron would otherwise leave the old one firing forever.
    for (const schedule of await this.queue.getRepeatableJobs()) {
      const sameJob = schedule.name === job.name && (schedule.id ?? null) === (job.jobId ?? null);
      if (sameJob && schedule.cron !== job.cron) await this.queue.removeRepeatableByKey(schedule.key);
    }
    await this.queue.add(job.name, job.payload, {
      ...retryOptions(job.policy),
      jobId: job.jobId,
      repeat: { cron: job.cron },
    });
  }

  async start(processor: JobProcessor, concurrency: number): Promise<void> {
    this.started = true;
    // process() only settles when the queue closes, so it is not awaited.
    this.queue
      .process('*', concurrency, async (job: Bull.Job) => {
        await processor(toRunningJob(job));
        this.completed++;
      })
      .catch((error: Error) => this.logger.error(`Job processing stopped: ${error.message}`));
  }

  stop(graceMs: number): Promise<void> {
    this.stopping ??= this.pauseThenClose(graceMs);
    return this.stopping;
  }

  private async pauseThenClose(graceMs: number): Promise<void> {
    if (this.queue.client.status !== 'ready') return this.disconnect(); // Bull's close would wait for a connection
    // A local pause stops taking jobs and resolves once the running ones have finished.
    if (this.started)
      await withTimeout(this.queue.pause(true, false), graceMs, 'jobs still running').catch((error: Error) =>
        this.logger.warn(`Stopping the job queue: ${error.message}; they will be retried as stalled jobs`),
      );
    await withTimeout(this.queue.close(true), CLOSE_TIMEOUT_MS, 'close timed out').catch(() => undefined);
    this.disconnect();
  }

  /** Ends every client still open, including ones Bull would leave reconnecting forever. */
  private disconnect(): void {
    this.queue.clients.filter((client) => client.status !== 'end').forEach((client) => client.disconnect());
  }

  async counts(): Promise<JobCounts> {
    const { waiting, active, delayed, failed } = await this.queue.getJobCounts();
    return { waiting, active, delayed, failed, completed: this.completed };
  }

  async isHealthy(): Promise<boolean> {
    try {
      return (await withTimeout(this.queue.client.ping(), 1_000, 'Redis ping timed out')) === 'PONG';
    } catch {
      return false;
    }
  }

  /** Bull refuses a jobId that exists in any state; a kept failed job must not block enqueueing its id again. */
  private async forgetFailed(jobIds: string[]): Promise<void> {
    if (jobIds.length === 0) return;
    const failedKey = this.queue.toKey('failed');
    const pipeline = this.queue.client.pipeline();
    jobIds.forEach((id) => pipeline.zscore(failedKey, id));
    const scores = (await pipeline.exec()) ?? [];
    const failedIds = jobIds.filter((_, i) => scores[i]?.[1] !== null && scores[i]?.[1] !== undefined);
    for (const id of failedIds) await (await this.queue.getJob(id))?.remove();
  }
}

function retryOptions(policy: JobDefinition): Bull.JobOptions {
  return { attempts: policy.attempts, backoff: { type: policy.backoff.type, delay: policy.backoff.delayMs } };
}

function toRunningJob(job: Bull.Job): RunningJob {
  return {
    id: String(job.id),
    name: job.name,
    payload: job.data,
    attempt: job.attemptsMade + 1,
    maxAttempts: job.opts.attempts ?? 1,
  };
}
