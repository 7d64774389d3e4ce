import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';

describe(`HTTP hygiene (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.keyWith('admin');
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: string | Buffer, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { authorization: `Bearer ${admin}`, 'content-type': contentType },
    });

  it('serves /health with database and queue up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', checks: { database: 'up', queue: 'up' } });
  });

  it('serves the OpenAPI UI and document', async () => {
    const ui = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
    const doc = await t.app.inject({ method: 'GET', url: '/docs-json' });
    expect(doc.json().paths['/api/v1/api-keys']).toBeDefined();
  });

  it('gives every response a request id and security headers', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/health',
      headers: { 'x-request-id': 'trace-123' },
    });
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['x-powered-by']).toBeUndefined();
    const fresh = await t.app.inject({ method: 'GET', url: '/health' });
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with the one error body', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('rejects unknown and invalid fields with per-field details', async () => {
    const res = await post('/api/v1/api-keys', JSON.stringify({ name: 'x', scopes: ['root'], extra: 1 }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details).toEqual(
      expect.arrayContaining([
        { field: 'extra', reason: 'property extra should not exist' },
        expect.objectContaining({ field: 'scopes' }),
      ]),
    );
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it.each([
    ['text/plain', 'hello', 415],
    ['application/x-www-form-urlencoded', 'a=b', 415],
  ])('accepts only application/json (%s)', async (type, payload, status) => {
    const res = await post('/api/v1/api-keys', payload, type);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it.each([
    ['malformed JSON', '{"name":', 'INVALID_JSON'],
    ['an empty body', '', 'EMPTY_BODY'],
    ['a __proto__ key', '{"name":"x","scopes":["read"],"__proto__":{"admin":true}}', 'FORBIDDEN_KEY'],
    ['an escaped __proto__ key', '{"name":"x","\\u005f_proto__":{"admin":true}}', 'FORBIDDEN_KEY'],
    ['a nested constructor key', '{"name":"x","scopes":[{"constructor":{"prototype":1}}]}', 'FORBIDDEN_KEY'],
    ['deep nesting', '['.repeat(100) + ']'.repeat(100), 'TOO_DEEP'],
    ['deep nesting of objects', '{"a":'.repeat(40) + '1' + '}'.repeat(40), 'TOO_DEEP'],
  ])('answers 400 to %s', async (_name, payload, code) => {
    const res = await post('/api/v1/api-keys', payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
  });

  it('answers 400 to invalid UTF-8', async () => {
    const res = await post(
      '/api/v1/api-keys',
      Buffer.from([0x7b, 0x22, 0x6e, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_UTF8');
  });

  it('answers 413 past the 1 MB body limit', async () => {
    const res = await post(
      '/api/v1/api-keys',
      JSON.stringify({ name: 'x'.repeat(1_100_000), scopes: ['read'] }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('exposes Prometheus metrics', async () => {
    await t.app.inject({ method: 'GET', url: '/health' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/hearken_http_request_duration_seconds_bucket\{.*route="\/health".*\}/);
    expect(res.body).toMatch(/hearken_queue_jobs\{state="waiting"\} \d+/);
  });
});
