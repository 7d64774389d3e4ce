import { Writable } from 'node:stream';
import { createHttpApp } from '../../src/bootstrap';
import { createPino } from '../../src/core/logging/create-pino';
import { ApiKeysService } from '../../src/modules/api-keys/api-keys.service';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-database';
import { TEST_TARGET } from '../helpers/test-target';

describe(`structured logs (${TEST_TARGET})`, () => {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment(TEST_TARGET);
    await env.migrate();
  });
  afterAll(() => env?.cleanup());

  it('writes JSON lines that carry the request id, and never the API key', async () => {
    const app = await createHttpApp(env.config, { pino: createPino('info', sink) });
    await app.init();
    try {
      const key = (await app.get(ApiKeysService).create('boot', ['admin'])).key;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: { authorization: `Bearer ${key}`, 'x-request-id': 'req-log-1' },
        payload: { name: 'from-request', scopes: ['read'] },
      });
      expect(res.statusCode).toBe(201);
      const serviceLine = lines.find((l) => String(l.msg).includes('(from-request) created'));
      expect(serviceLine).toMatchObject({ level: 'info', requestId: 'req-log-1', context: 'ApiKeysService' });
      const accessLine = lines.find((l) => l.msg === 'request completed' && l.requestId === 'req-log-1');
      expect(accessLine).toMatchObject({ method: 'POST', statusCode: 201, url: '/api/v1/api-keys' });
      expect(JSON.stringify(lines)).not.toContain(key);

      const query = await app.inject({
        method: 'GET',
        url: `/api/v1/feedback?source=jane.doe%40example.com&touchpoint=checkout&api_key=${key}`,
        headers: { authorization: `Bearer ${key}`, 'x-request-id': 'req-log-2' },
      });
      expect(query.statusCode).toBe(400); // api_key is not a parameter: refused, and logged all the same
      const queryLine = lines.find((l) => l.msg === 'request completed' && l.requestId === 'req-log-2');
      expect(queryLine).toMatchObject({ url: '/api/v1/feedback?source=*&touchpoint=*&api_key=*' });
      expect(JSON.stringify(lines)).not.toMatch(/jane|checkout/);
      expect(JSON.stringify(lines)).not.toContain(key);
    } finally {
      await app.close();
    }
  });
});
