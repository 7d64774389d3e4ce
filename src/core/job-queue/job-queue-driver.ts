import { JobDefinition } from './job-registry';

/**
 * The backend behind JobQueueService (Vendure-style: add / start / stop, plus two read-outs).
 * Drivers know job names only as strings and never call handlers themselves: they hand each
 * try to the `JobProcessor` and retry when it rejects.
 */
export interface JobQueueDriver {
  /** Adds jobs; a `jobId` already waiting, active or delayed is silently skipped. */
  add(jobs: NewJob[]): Promise<void>;
  /** Registers a cron schedule; the same name + jobId with another cron replaces the old schedule. */
  addRepeatable(job: NewRepeatableJob): Promise<void>;
  /** Starts taking jobs, at most `concurrency` at once in this process. */
  start(processor: JobProcessor, concurrency: number): Promise<void>;
  /** Stops taking jobs, waits up to `graceMs` for running ones, then releases connections. */
  stop(graceMs: number): Promise<void>;
  counts(): Promise<JobCounts>;
  isHealthy(): Promise<boolean>;
  /**
   * Calls `listener` when the queue's store came back without its data (Redis restarted without persistence,
   * or flushed): the jobs that waited in it are gone and must be re-derived from the database.
   */
  onDataLost(listener: () => void): void;
}

export interface NewJob {
  name: string;
  payload: unknown;
  policy: JobDefinition;
  jobId?: string;
  delayMs?: number;
}

export interface NewRepeatableJob {
  name: string;
  payload: unknown;
  policy: JobDefinition;
  cron: string;
  jobId?: string;
}

/** One try of one job, as handed to the processor. */
export interface RunningJob {
  id: string;
  name: string;
  payload: unknown;
  /** 1-based. */
  attempt: number;
  maxAttempts: number;
}

export type JobProcessor = (job: RunningJob) => Promise<void>;

/** `completed` counts this process's completions (completed jobs are not kept in Redis). */
export interface JobCounts {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
}

export const JOB_QUEUE_DRIVER = Symbol('JOB_QUEUE_DRIVER');

/** Failed jobs kept for inspection, newest first; older ones are dropped. */
export const FAILED_JOBS_KEPT = 1000;

/** Delay before the try after `attemptsMade` failed tries; the same formula as Bull's built-in strategies. */
export function backoffDelayMs(backoff: JobDefinition['backoff'], attemptsMade: number): number {
  if (backoff.type === 'fixed') return backoff.delayMs;
  return Math.round((2 ** attemptsMade - 1) * backoff.delayMs);
}
