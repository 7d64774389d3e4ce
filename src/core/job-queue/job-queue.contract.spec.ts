import {
  assertRedisReachable,
  deleteQueueKeys,
  TEST_REDIS_URL,
  uniqueQueuePrefix,
} from '../../../test/helpers/job-queue/redis-test-queue';
import { BullJobQueueDriver } from './bull-job-queue.driver';
import { backoffDelayMs, JobQueueDriver, RunningJob } from './job-queue-driver';
import { JobDefinition } from './job-registry';
import { MemoryJobQueueDriver } from './memory-job-queue.driver';

/** The same behaviour, checked against every driver; Bull runs on the real local Redis. */
const runPrefix = uniqueQueuePrefix('contract');
let queueCount = 0;
const drivers: [string, () => JobQueueDriver][] = [
  ['memory', () => new MemoryJobQueueDriver()],
  ['bull', () => new BullJobQueueDriver(TEST_REDIS_URL, `${runPrefix}-${++queueCount}`)],
];

const once: JobDefinition = { attempts: 1, backoff: { type: 'fixed', delayMs: 0 } };
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

interface Run {
  job: RunningJob;
  startedAt: number;
  endedAt?: number;
}

/** A processor that records every try; `behaviour` decides how long it takes and whether it throws. */
function recorder(behaviour: (job: RunningJob) => Promise<void> = async () => undefined) {
  const runs: Run[] = [];
  let running = 0;
  let maxRunning = 0;
  const processor = async (job: RunningJob) => {
    const run: Run = { job, startedAt: Date.now() };
    runs.push(run);
    maxRunning = Math.max(maxRunning, ++running);
    try {
      await behaviour(job);
    } finally {
      running--;
      run.endedAt = Date.now();
    }
  };
  return { runs, processor, maxRunning: () => maxRunning };
}

describe.each(drivers)('%s job queue driver', (kind, createDriver) => {
  let driver: JobQueueDriver;

  if (kind === 'bull') {
    beforeAll(() => assertRedisReachable());
    afterAll(async () => expect(await deleteQueueKeys(runPrefix)).toBeGreaterThan(0));
  }
  beforeEach(() => (driver = createDriver()));
  afterEach(() => driver.stop(1_000));

  it('runs a job with its payload and counts it', async () => {
    const { runs, processor } = recorder();
    await driver.start(processor, 2);
    await driver.add([{ name: 'test.echo', payload: { feedbackId: 'f-1', n: 3 }, policy: once }]);

    await waitFor(() => runs[0]?.endedAt !== undefined, 3_000, 'the job');
    expect(runs[0].job).toMatchObject({
      name: 'test.echo',
      payload: { feedbackId: 'f-1', n: 3 },
      attempt: 1,
      maxAttempts: 1,
    });
    await sleep(50);
    expect(await driver.counts()).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0, completed: 1 });
    expect(await driver.isHealthy()).toBe(true);
  });

  it('retries with exponential backoff, then gives up after `attempts`', async () => {
    const policy: JobDefinition = { attempts: 3, backoff: { type: 'exponential', delayMs: 150 } };
    const { runs, processor } = recorder(async (job) => {
      throw new Error(`boom ${job.attempt}`);
    });
    await driver.start(processor, 1);
    await driver.add([{ name: 'test.flaky', payload: {}, policy }]);

    await waitFor(() => runs.length === 3 && runs[2].endedAt !== undefined, 4_000, 'three tries');
    const gaps = [1, 2].map((i) => runs[i].startedAt - runs[i - 1].endedAt!);
    const expected = [backoffDelayMs(policy.backoff, 1), backoffDelayMs(policy.backoff, 2)];
    expect(expected).toEqual([150, 450]);
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(expected[i] - 5);
      expect(gap).toBeLessThan(expected[i] + 250);
    });
    expect(runs.map((r) => r.job.attempt)).toEqual([1, 2, 3]);

    await sleep(600); // a fourth try would have come by now
    expect(runs).toHaveLength(3);
    expect(await driver.counts()).toMatchObject({
      waiting: 0,
      active: 0,
      delayed: 0,
      failed: 1,
      completed: 0,
    });
  });

  it('skips a jobId already delayed or running, and accepts it again once it has completed', async () => {
    const { runs, processor } = recorder(() => sleep(200));
    await driver.start(processor, 4);
    const addedAt = Date.now();
    await driver.add([{ name: 'test.dedupe', payload: { v: 1 }, policy: once, jobId: 'same', delayMs: 200 }]);
    await driver.add([{ name: 'test.dedupe', payload: { v: 2 }, policy: once, jobId: 'same' }]);

    await waitFor(() => runs.length === 1, 3_000, 'the first run');
    expect(runs[0].job.payload).toEqual({ v: 1 });
    expect(runs[0].startedAt - addedAt).toBeGreaterThanOrEqual(200);
    await driver.add([{ name: 'test.dedupe', payload: { v: 3 }, policy: once, jobId: 'same' }]); // while running

    await waitFor(() => runs[0].endedAt !== undefined, 3_000, 'the first run to end');
    await sleep(150);
    expect(runs).toHaveLength(1);
    await driver.add([{ name: 'test.dedupe', payload: { v: 4 }, policy: once, jobId: 'same' }]);
    await waitFor(() => runs.length === 2, 3_000, 'the second run');
    expect(runs[1].job).toMatchObject({ id: 'same', payload: { v: 4 } });
  });

  it('accepts the id of a job that failed for good', async () => {
    const { runs, processor } = recorder(async () => {
      throw new Error('always');
    });
    await driver.start(processor, 1);
    await driver.add([{ name: 'test.fails', payload: {}, policy: once, jobId: 'doomed' }]);
    await waitFor(() => runs[0]?.endedAt !== undefined, 3_000, 'the failure');
    await sleep(100);
    expect((await driver.counts()).failed).toBe(1);

    await driver.add([{ name: 'test.fails', payload: {}, policy: once, jobId: 'doomed' }]);
    await waitFor(() => runs.length === 2, 3_000, 'the second run');
  });

  it('never runs more than `concurrency` jobs at once, and does run that many in parallel', async () => {
    const { runs, processor, maxRunning } = recorder(() => sleep(250));
    await driver.start(processor, 3);
    await driver.add(
      Array.from({ length: 7 }, (_, i) => ({ name: 'test.slow', payload: { i }, policy: once })),
    );

    await waitFor(() => runs.length === 7 && runs.every((r) => r.endedAt !== undefined), 5_000, 'seven jobs');
    expect(maxRunning()).toBe(3);
    const firstThree = runs.slice(0, 3).map((r) => r.startedAt);
    expect(Math.max(...firstThree) - Math.min(...firstThree)).toBeLessThan(100);
    expect(runs[3].startedAt).toBeGreaterThanOrEqual(Math.min(...runs.slice(0, 3).map((r) => r.endedAt!)));
  });

  it('runs a delayed job no earlier than its delay, after jobs added later without one', async () => {
    const { runs, processor } = recorder();
    await driver.start(processor, 1);
    const addedAt = Date.now();
    await driver.add([{ name: 'test.later', payload: {}, policy: once, delayMs: 600 }]);
    await driver.add([{ name: 'test.now', payload: {}, policy: once }]);
    expect((await driver.counts()).delayed).toBe(1);

    await waitFor(() => runs.length === 2, 3_000, 'both jobs');
    expect(runs.map((r) => r.job.name)).toEqual(['test.now', 'test.later']);
    const waited = runs[1].startedAt - addedAt;
    expect(waited).toBeGreaterThanOrEqual(600);
    expect(waited).toBeLessThan(900);
  });

  it('fires a repeatable cron job more than once; a new cron for the same job replaces the old one', async () => {
    const { runs, processor } = recorder();
    await driver.addRepeatable({
      name: 'test.tick',
      payload: { t: 1 },
      policy: once,
      cron: '0 0 0 1 1 *',
      jobId: 'tick',
    });
    await driver.addRepeatable({
      name: 'test.tick',
      payload: { t: 1 },
      policy: once,
      cron: '*/1 * * * * *',
      jobId: 'tick',
    });
    await driver.addRepeatable({
      name: 'test.tick',
      payload: { t: 1 },
      policy: once,
      cron: '*/1 * * * * *',
      jobId: 'tick',
    });
    expect((await driver.counts()).delayed).toBe(1); // one pending instance: yearly schedule gone, repeat add idempotent
    await driver.start(processor, 2);

    await waitFor(() => runs.length >= 2, 3_500, 'two ticks');
    expect(runs[0].job.payload).toEqual({ t: 1 });
    expect(runs[1].startedAt - runs[0].startedAt).toBeGreaterThanOrEqual(900);
    expect(runs[1].startedAt - runs[0].startedAt).toBeLessThan(1_300);
  });

  it('stops gracefully: lets the running job finish and takes no new ones', async () => {
    const { runs, processor } = recorder((job) => sleep(job.name === 'test.slow' ? 500 : 0));
    await driver.start(processor, 1);
    await driver.add([{ name: 'test.slow', payload: {}, policy: once }]);
    await waitFor(() => runs.length === 1, 3_000, 'the slow job to start');
    await driver.add([{ name: 'test.next', payload: {}, policy: once }]);

    const stopAt = Date.now();
    await driver.stop(5_000);
    const stoppedAt = Date.now();
    expect(runs[0].endedAt).toBeDefined();
    expect(runs[0].endedAt!).toBeLessThanOrEqual(stoppedAt);
    expect(stoppedAt - stopAt).toBeGreaterThanOrEqual(300);
    await sleep(300);
    expect(runs.map((r) => r.job.name)).toEqual(['test.slow']);
  });

  it('bounds the stop by its grace period when a job hangs', async () => {
    let release!: () => void;
    const hung = new Promise<void>((resolve) => (release = resolve));
    const { runs, processor } = recorder(() => hung);
    await driver.start(processor, 1);
    await driver.add([{ name: 'test.hangs', payload: {}, policy: once }]);
    await waitFor(() => runs.length === 1, 3_000, 'the job to start');

    const stopAt = Date.now();
    await driver.stop(300);
    const took = Date.now() - stopAt;
    release();
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(2_500);
  });
});
