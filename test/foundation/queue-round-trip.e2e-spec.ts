import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';

describe(`a job enqueued by the API runs (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.keyWith('admin');
  });
  afterAll(() => t?.close());

  it('processes a ping through the queue and counts it in /metrics', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/system/pings', headers: auth });
    expect(created.statusCode).toBe(202);
    const { id } = created.json();
    const done = await waitFor(async () => {
      const ping = (
        await t.app.inject({ method: 'GET', url: `/api/v1/system/pings/${id}`, headers: auth })
      ).json();
      return ping.processedAt ? ping : undefined;
    });
    expect(done.processedBy).toMatch(/:all$/);
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/hearken_jobs_total\{job="system.ping",outcome="completed"\} [1-9]/);
  });
});
