import { Injectable, Type } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { AddressInfo, createServer, Socket } from 'node:net';
import {
  assertRedisReachable,
  deleteQueueKeys,
  TEST_REDIS_URL,
  uniqueQueuePrefix,
} from '../../../test/helpers/job-queue/redis-test-queue';
import { drainJobs } from '../../../test/helpers/job-queue/drain-jobs';
import { AppConfig } from '../../config/app-config';
import { ConfigModule } from '../../config/config.module';
import { BullJobQueueDriver } from './bull-job-queue.driver';
import { JobEvent } from './job-event.emitter';
import { JobContext, JobHandler } from './job-handler.decorator';
import { JobQueueModule } from './job-queue.module';
import { JobQueueService } from './job-queue.service';
import { JobName, JobPayloads } from './job-registry';

type PingPayload = JobPayloads[JobName.SystemPing];

@Injectable()
class PingRecorder {
  readonly calls: { payload: PingPayload; context: JobContext }[] = [];

  @JobHandler(JobName.SystemPing)
  async handle(payload: PingPayload, context: JobContext): Promise<void> {
    this.calls.push({ payload, context });
    if (payload.pingId === 'bad') throw new Error('bad ping');
  }
}

@Injectable()
class SecondPingHandler {
  @JobHandler(JobName.SystemPing)
  async ping(): Promise<void> {}
}

/** Handlers for the registry's other jobs, so these specs only exercise system.ping. */
@Injectable()
class OtherJobs {
  @JobHandler(JobName.AnalyseFeedback)
  async analyse(): Promise<void> {}

  @JobHandler(JobName.PlanReprocess)
  async plan(): Promise<void> {}

  @JobHandler(JobName.DigestCheckDue)
  async checkDigests(): Promise<void> {}

  @JobHandler(JobName.DigestSend)
  async sendDigest(): Promise<void> {}

  @JobHandler(JobName.DetectAnomalies)
  async detectAnomalies(): Promise<void> {}

  @JobHandler(JobName.DeliverAlert)
  async deliverAlert(): Promise<void> {}
}

const config = (overrides: Partial<AppConfig> = {}) =>
  Object.assign(new AppConfig(), { workerConcurrency: 2 }, overrides);

/** The module as the app uses it: global JobQueueModule plus a feature module holding the handlers. */
async function boot(appConfig: AppConfig, handlers: Type[]): Promise<TestingModule> {
  const providers = [...handlers, OtherJobs];
  const feature = { module: class FeatureModule {}, providers, exports: providers };
  const moduleRef = await Test.createTestingModule({
    imports: [ConfigModule.forRoot(appConfig), JobQueueModule.forRoot(), feature],
  }).compile();
  return moduleRef.init();
}

describe('JobQueueModule', () => {
  let moduleRef: TestingModule | undefined;
  afterEach(async () => {
    await moduleRef?.close();
    moduleRef = undefined;
  });

  it('fails startup, naming the job, when a JobName has no handler', async () => {
    await expect(boot(config(), [])).rejects.toThrow(/job "system\.ping" has no @JobHandler/);
  });

  it('fails startup, naming both handlers, when a JobName has two', async () => {
    await expect(boot(config(), [PingRecorder, SecondPingHandler])).rejects.toThrow(
      /job "system\.ping" has 2 handlers \(PingRecorder\.handle, SecondPingHandler\.ping\)/,
    );
  });

  it('calls the handler of a feature-module provider with the payload and context, and reports outcomes', async () => {
    moduleRef = await boot(config(), [PingRecorder]);
    const queue = moduleRef.get(JobQueueService);
    const events: JobEvent[] = [];
    queue.onJobEvent((e) => events.push(e));
    queue.onJobEvent(() => {
      throw new Error('a broken listener must not fail the job');
    });

    await queue.enqueue(JobName.SystemPing, { pingId: 'p-1' }, { jobId: 'ping:p-1' });
    await queue.enqueueMany(JobName.SystemPing, [
      { payload: { pingId: 'p-2' } },
      { payload: { pingId: 'bad' } },
    ]);
    const counts = await drainJobs(queue, { timeoutMs: 3_000 });

    const recorder = moduleRef.get(PingRecorder);
    expect(recorder.calls.map((c) => c.payload.pingId).sort()).toEqual(['bad', 'p-1', 'p-2']);
    expect(recorder.calls.find((c) => c.payload.pingId === 'p-1')?.context).toEqual({
      jobId: 'ping:p-1',
      name: JobName.SystemPing,
      attempt: 1,
    });
    expect(counts).toMatchObject({ completed: 2, failed: 1 });
    expect(events.filter((e) => e.event === 'completed')).toHaveLength(2);
    expect(events.find((e) => e.event === 'failed')).toMatchObject({
      name: JobName.SystemPing,
      error: 'bad ping',
    });
    events.forEach((e) => expect(e.durationMs).toBeGreaterThanOrEqual(0));
  });

  it('refuses payloads too big to be ids', async () => {
    moduleRef = await boot(config(), [PingRecorder]);
    const queue = moduleRef.get(JobQueueService);
    await expect(queue.enqueue(JobName.SystemPing, { pingId: 'x'.repeat(20_000) })).rejects.toThrow(
      /pass ids, not records/,
    );
  });

  it('takes no jobs in a process whose role does not run them', async () => {
    moduleRef = await boot(config({ role: 'api' }), [PingRecorder]);
    const queue = moduleRef.get(JobQueueService);
    await queue.enqueue(JobName.SystemPing, { pingId: 'p-api' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(moduleRef.get(PingRecorder).calls).toHaveLength(0);
    expect(await queue.counts()).toMatchObject({ waiting: 1, active: 0 });
  });

  describe('with REDIS_URL set (Bull on the real Redis)', () => {
    const prefix = uniqueQueuePrefix('module');
    beforeAll(() => assertRedisReachable());
    afterAll(() => deleteQueueKeys(prefix));

    it('runs jobs through Redis, is healthy, and closes its connections on shutdown', async () => {
      moduleRef = await boot(config({ redisUrl: TEST_REDIS_URL, queuePrefix: prefix }), [PingRecorder]);
      const queue = moduleRef.get(JobQueueService);
      expect(await queue.isHealthy()).toBe(true);

      await queue.enqueue(JobName.SystemPing, { pingId: 'p-redis' });
      await drainJobs(queue, { timeoutMs: 5_000 });
      expect(moduleRef.get(PingRecorder).calls.map((c) => c.payload.pingId)).toEqual(['p-redis']);

      await moduleRef.close();
      moduleRef = undefined;
      expect(await queue.isHealthy()).toBe(false);
    });

    it('reports unhealthy within about a second when Redis does not answer', async () => {
      // A server that accepts connections and never replies: a hung Redis.
      const sockets: Socket[] = [];
      const silent = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as AddressInfo;
      const driver = new BullJobQueueDriver(`redis://127.0.0.1:${port}`, uniqueQueuePrefix('down'));
      try {
        const startedAt = Date.now();
        expect(await driver.isHealthy()).toBe(false);
        expect(Date.now() - startedAt).toBeLessThan(1_500);
        const stopAt = Date.now();
        await driver.stop(5_000);
        expect(Date.now() - stopAt).toBeLessThan(500);
      } finally {
        sockets.forEach((socket) => socket.destroy());
        await new Promise((resolve) => silent.close(resolve));
      }
    });
  });
});
