import { Inject, Injectable } from '@nestjs/common';
import { JobEventEmitter, JobEventListener } from './job-event.emitter';
import { JobCounts, JobQueueDriver, JOB_QUEUE_DRIVER } from './job-queue-driver';
import { JobName, JobPayloads, JOB_DEFINITIONS } from './job-registry';

/** Payloads are ids and small values; anything bigger is a bug (customer text must not be copied into Redis). */
export const MAX_PAYLOAD_BYTES = 16 * 1024;

/**
 * The one way to put work on the queue, whichever driver runs it. Enqueue only after the transaction that
 * created the referenced rows has committed, or the handler may not find them.
 */
@Injectable()
export class JobQueueService {
  constructor(
    @Inject(JOB_QUEUE_DRIVER) private readonly driver: JobQueueDriver,
    private readonly events: JobEventEmitter,
  ) {}

  /** A `jobId` equal to one still waiting, delayed or running makes this a no-op. */
  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: { jobId?: string; delayMs?: number } = {},
  ): Promise<void> {
    await this.driver.add([
      {
        name,
        payload: asJson(name, payload),
        policy: JOB_DEFINITIONS[name],
        jobId: options.jobId,
        delayMs: options.delayMs,
      },
    ]);
  }

  async enqueueMany<N extends JobName>(
    name: N,
    jobs: { payload: JobPayloads[N]; jobId?: string }[],
  ): Promise<void> {
    const policy = JOB_DEFINITIONS[name];
    await this.driver.add(
      jobs.map((job) => ({ name, payload: asJson(name, job.payload), policy, jobId: job.jobId })),
    );
  }

  /** Runs on a cron schedule (6 fields allowed: seconds first). Calling again with another cron replaces it. */
  async repeat<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    cron: string,
    options: { jobId?: string } = {},
  ): Promise<void> {
    await this.driver.addRepeatable({
      name,
      payload: asJson(name, payload),
      policy: JOB_DEFINITIONS[name],
      cron,
      jobId: options.jobId,
    });
  }

  /** `completed` counts completions in this process since it started. */
  counts(): Promise<JobCounts> {
    return this.driver.counts();
  }

  /** Memory driver: always true. Bull: Redis answered a ping within 1 s. */
  isHealthy(): Promise<boolean> {
    return this.driver.isHealthy();
  }

  /** Redis came back empty: whoever can re-derive lost jobs from the database does it now. */
  onDataLost(listener: () => void): void {
    this.driver.onDataLost(listener);
  }

  onJobEvent(listener: JobEventListener): void {
    this.events.subscribe(listener);
  }
}

/** Round-trips through JSON so both drivers hand handlers the same thing Redis would (Dates become strings). */
function asJson(name: JobName, payload: unknown): unknown {
  const json = JSON.stringify(payload);
  if (json === undefined) throw new Error(`Job "${name}": payload is not JSON`);
  if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES) {
    throw new Error(
      `Job "${name}": payload is ${Buffer.byteLength(json)} bytes; pass ids, not records (max ${MAX_PAYLOAD_BYTES})`,
    );
  }
  return JSON.parse(json);
}
