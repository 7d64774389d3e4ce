import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../../src/bootstrap';
import { createPino } from '../../src/core/logging/create-pino';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';

/** Embedded mode (SQLite) is one process; several API processes need MySQL + Redis. */
const describeShared = TEST_TARGET === 'mysql' ? describe : describe.skip;

describeShared(`API key revocation across API processes (${TEST_TARGET})`, () => {
  let a: TestApp;
  let b: NestFastifyApplication;

  beforeAll(async () => {
    a = await createTestApp();
    b = await createHttpApp(a.config, { pino: createPino('silent') });
    await b.init();
    await b.getHttpAdapter().getInstance().ready();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const get = (app: NestFastifyApplication, key: string) =>
    app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { authorization: `Bearer ${key}` } });

  it('stops a revoked key on the other process at once, although that process had it cached', async () => {
    const admin = await a.keyWith('admin');
    const victim = (
      await a.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: { authorization: `Bearer ${admin}` },
        payload: { name: 'leaked', scopes: ['admin'] },
      })
    ).json();
    expect((await get(b, victim.key)).statusCode).toBe(200); // now cached in b
    const revoked = await a.app.inject({
      method: 'DELETE',
      url: `/api/v1/api-keys/${victim.id}`,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(revoked.statusCode).toBe(204);
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 5_000) {
      status = (await get(b, victim.key)).statusCode;
      if (status === 200) await new Promise((r) => setTimeout(r, 10));
    }
    const ms = Date.now() - started;
    console.log(`revoked key refused by the other process after ${ms} ms`);
    expect(status).toBe(401);
    expect(ms).toBeLessThan(1_000); // the cache alone would keep it for up to 10 s
  });
});
