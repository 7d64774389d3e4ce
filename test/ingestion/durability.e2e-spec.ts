import { DataSource } from 'typeorm';
import { createHttpApp } from '../../src/bootstrap';
import { createPino } from '../../src/core/logging/create-pino';
import { OutboxService } from '../../src/core/outbox/outbox.service';
import { JobName } from '../../src/core/job-queue/job-registry';
import { ApiKeysService } from '../../src/modules/api-keys/api-keys.service';
import { createTestApp } from '../helpers/create-test-app';
import { createTestEnvironment } from '../helpers/test-database';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';

jest.setTimeout(60_000);

const item = (externalId: string) => ({
  kind: 'review',
  source: 'durable',
  externalId,
  text: 'Delivery was late again.',
  rating: 2,
  scale: 5,
});

describe(`nothing accepted is lost (${TEST_TARGET})`, () => {
  it('sends jobs left in the outbox (a crash between commit and enqueue) when the sweeper runs', async () => {
    const t = await createTestApp();
    try {
      const key = await t.keyWith('admin');
      const auth = { authorization: `Bearer ${key}` };
      const { id } = (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/feedback',
          headers: auth,
          payload: item('crash-1'),
        })
      ).json();
      await waitFor(async () =>
        (await t.app.inject({ method: 'GET', url: `/api/v1/feedback/${id}`, headers: auth })).json()
          .analysisStatus === 'analysed'
          ? true
          : undefined,
      );
      // Simulate the crash: mark it pending again and leave a job row that was never sent.
      const dataSource = t.app.get(DataSource);
      await dataSource.query(`UPDATE feedback SET analysis_status = 'pending' WHERE id = ?`, [id]);
      const outbox = t.app.get(OutboxService);
      await outbox.drain(); // sent rows are deleted in bulk a moment later; settle them first
      expect(await outbox.pendingCount()).toBe(0);
      await dataSource.transaction((m) => outbox.add(m, JobName.AnalyseFeedback, { feedbackIds: [id] }));
      expect(await outbox.pendingCount()).toBe(1);
      expect(await outbox.sweep(0)).toBe(1);
      expect(await outbox.pendingCount()).toBe(0);
      const f = await waitFor(async () => {
        const r = (
          await t.app.inject({ method: 'GET', url: `/api/v1/feedback/${id}`, headers: auth })
        ).json();
        return r.analysisStatus === 'analysed' ? r : undefined;
      });
      expect(f.id).toBe(id);
    } finally {
      await t.close();
    }
  });

  (TEST_TARGET === 'mysql' ? it : it.skip)(
    'answers 202 with Redis down and runs the work once Redis is back',
    async () => {
      const env = await createTestEnvironment('mysql');
      await env.migrate().catch(async (error) => {
        await env.cleanup();
        throw error;
      });
      // An API process whose Redis is unreachable (nothing listens on port 1).
      const apiConfig = Object.assign(Object.create(Object.getPrototypeOf(env.config)), env.config, {
        redisUrl: 'redis://127.0.0.1:1',
        role: 'api',
      });
      const down = await createHttpApp(apiConfig, { pino: createPino('silent') }).catch(async (error) => {
        await env.cleanup();
        throw error;
      });
      try {
        await down.init();
        const key = (await down.get(ApiKeysService).create('t', ['admin'])).key;
        const auth = { authorization: `Bearer ${key}` };
        const res = await down.inject({
          method: 'POST',
          url: '/api/v1/feedback',
          headers: auth,
          payload: item('redis-down-1'),
        });
        expect(res.statusCode).toBe(202);
        const health = await down.inject({ method: 'GET', url: '/health' });
        expect(health.statusCode).toBe(503);
        expect(health.json().checks).toEqual({ database: 'up', queue: 'down' });
        const outbox = down.get(OutboxService);
        await waitFor(async () => ((await outbox.pendingCount()) === 1 ? true : undefined));
        await new Promise((r) => setTimeout(r, 3_500)); // the send attempt times out; the row stays
        expect(await outbox.pendingCount()).toBe(1);

        const up = await createHttpApp(env.config, { pino: createPino('silent') });
        await up.init();
        try {
          expect(await up.get(OutboxService).sweep(0)).toBe(1);
          const id = res.json().id;
          const f = await waitFor(async () => {
            const r = (
              await up.inject({ method: 'GET', url: `/api/v1/feedback/${id}`, headers: auth })
            ).json();
            return r.analysisStatus === 'analysed' ? r : undefined;
          }, 20_000);
          expect(f.externalId).toBe('redis-down-1');
        } finally {
          await up.close();
        }
      } finally {
        await Promise.race([down.close(), new Promise((r) => setTimeout(r, 5_000))]);
        await env.cleanup();
      }
    },
  );
});
