import { parseExpression } from 'cron-parser';
import { JobDefinition } from './job-registry';
import {
  backoffDelayMs,
  FAILED_JOBS_KEPT,
  JobCounts,
  JobProcessor,
  JobQueueDriver,
  NewJob,
  NewRepeatableJob,
} from './job-queue-driver';

interface StoredJob {
  id: string;
  name: string;
  payload: unknown;
  policy: JobDefinition;
  attemptsMade: number;
  runAt: number;
  /** Set on the pending instance of a cron schedule. */
  scheduleKey?: string;
}

interface Schedule {
  job: NewRepeatableJob;
  nextInstanceId: string;
}

/**
 * In-process queue for embedded mode (no Redis). Same semantics as the Bull driver: retries with the same
 * backoff, delayed jobs, cron schedules, dedupe by id, graceful stop. Jobs live in memory only, so jobs not
 * yet run when the process exits are lost; that is the trade for needing no Redis.
 */
export class MemoryJobQueueDriver implements JobQueueDriver {
  // Maps keep insertion order, which makes `waiting` a FIFO with O(1) take and dedupe lookups.
  private readonly waiting = new Map<string, StoredJob>();
  private readonly delayed = new Map<string, StoredJob>();
  private readonly active = new Map<string, Promise<void>>();
  private readonly failed: StoredJob[] = [];
  private readonly schedules = new Map<string, Schedule>();
  private completed = 0;
  private nextAutoId = 1;
  private processor?: JobProcessor;
  private concurrency = 1;
  private stopping = false;
  private wakeTimer?: NodeJS.Timeout;

  async add(jobs: NewJob[]): Promise<void> {
    const now = Date.now();
    for (const job of jobs) {
      const id = job.jobId ?? `${this.nextAutoId++}`;
      if (this.isPending(id)) continue;
      this.store({
        id,
        name: job.name,
        payload: job.payload,
        policy: job.policy,
        attemptsMade: 0,
        runAt: now + (job.delayMs ?? 0),
      });
    }
    this.pump();
  }

  async addRepeatable(job: NewRepeatableJob): Promise<void> {
    parseExpression(job.cron); // throws on a bad expression before anything changes
    const key = `${job.name}:${job.jobId ?? ''}`;
    const existing = this.schedules.get(key);
    if (existing?.job.cron === job.cron) return;
    if (existing) this.delayed.delete(existing.nextInstanceId);
    this.schedules.set(key, { job, nextInstanceId: '' });
    this.scheduleNext(key, Date.now());
    this.pump();
  }

  async start(processor: JobProcessor, concurrency: number): Promise<void> {
    if (this.processor) throw new Error('MemoryJobQueueDriver already started');
    this.processor = processor;
    this.concurrency = concurrency;
    this.pump();
  }

  async stop(graceMs: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearTimeout(this.wakeTimer);
    let graceTimer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => (graceTimer = setTimeout(resolve, graceMs)));
    await Promise.race([Promise.allSettled([...this.active.values()]), graceOver]);
    clearTimeout(graceTimer);
  }

  async counts(): Promise<JobCounts> {
    return {
      waiting: this.waiting.size,
      active: this.active.size,
      delayed: this.delayed.size,
      failed: this.failed.length,
      completed: this.completed,
    };
  }

  async isHealthy(): Promise<boolean> {
    return true;
  }

  /** Memory jobs die only with the process, and nothing is left to tell then. */
  onDataLost(): void {}

  private isPending(id: string): boolean {
    return this.waiting.has(id) || this.delayed.has(id) || this.active.has(id);
  }

  private store(job: StoredJob): void {
    if (job.runAt > Date.now()) this.delayed.set(job.id, job);
    else this.waiting.set(job.id, job);
  }

  /** Starts as many due jobs as free slots allow, then sleeps until the next delayed job is due. */
  private pump(): void {
    if (!this.processor || this.stopping) return;
    clearTimeout(this.wakeTimer);
    const now = Date.now();
    const due = [...this.delayed.values()]
      .filter((job) => job.runAt <= now)
      .sort((a, b) => a.runAt - b.runAt);
    for (const job of due) {
      this.delayed.delete(job.id);
      this.waiting.set(job.id, job);
    }
    while (this.active.size < this.concurrency && this.waiting.size > 0) {
      const job: StoredJob = this.waiting.values().next().value!;
      this.waiting.delete(job.id);
      this.run(job);
    }
    let nextRunAt = Infinity;
    for (const job of this.delayed.values()) nextRunAt = Math.min(nextRunAt, job.runAt);
    if (nextRunAt !== Infinity) {
      this.wakeTimer = setTimeout(() => this.pump(), Math.max(0, nextRunAt - now));
    }
  }

  private run(job: StoredJob): void {
    const processor = this.processor!;
    if (job.scheduleKey) this.scheduleNext(job.scheduleKey, Math.max(Date.now(), job.runAt), job.id);
    const running = Promise.resolve()
      .then(() =>
        processor({
          id: job.id,
          name: job.name,
          payload: job.payload,
          attempt: job.attemptsMade + 1,
          maxAttempts: job.policy.attempts,
        }),
      )
      .then(
        () => true,
        () => false,
      )
      .then((succeeded) => {
        // One synchronous step, so no other pump can slip in between leaving `active` and re-queueing a retry.
        this.active.delete(job.id);
        if (succeeded) this.completed++;
        else this.afterFailure(job);
        this.pump();
      });
    this.active.set(job.id, running);
  }

  private afterFailure(job: StoredJob): void {
    const attemptsMade = job.attemptsMade + 1;
    if (attemptsMade < job.policy.attempts) {
      const runAt = Date.now() + backoffDelayMs(job.policy.backoff, attemptsMade);
      this.store({ ...job, attemptsMade, runAt, scheduleKey: undefined });
      return;
    }
    this.failed.unshift({ ...job, attemptsMade });
    if (this.failed.length > FAILED_JOBS_KEPT) this.failed.pop();
  }

  /** Queues the schedule's next instance, as Bull does when the current instance starts. */
  private scheduleNext(key: string, after: number, startedInstanceId?: string): void {
    const schedule = this.schedules.get(key);
    if (!schedule) return;
    if (startedInstanceId !== undefined && schedule.nextInstanceId !== startedInstanceId) return; // replaced
    const runAt = parseExpression(schedule.job.cron, { currentDate: new Date(after) })
      .next()
      .getTime();
    const id = `repeat:${key}:${runAt}`;
    schedule.nextInstanceId = id;
    const { name, payload, policy } = schedule.job;
    this.delayed.set(id, { id, name, payload, policy, attemptsMade: 0, runAt, scheduleKey: key });
  }
}
