import { createTestApp, TestApp } from '../helpers/create-test-app';
import { ApiKeyRepository } from '../../src/modules/api-keys/api-key.repository';
import { TEST_TARGET } from '../helpers/test-target';

const ADMIN_KEY = 'admin-key-from-environment-0123456789';

describe(`API keys (${TEST_TARGET})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ adminApiKey: ADMIN_KEY, rateLimitPerMinute: 1000 });
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, key?: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: key ? { authorization: `Bearer ${key}` } : {},
      ...(body !== undefined ? { payload: body as object } : {}),
    });

  it('registers ADMIN_API_KEY at boot with the admin scope', async () => {
    const res = await call('GET', '/api/v1/api-keys', ADMIN_KEY);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([
      expect.objectContaining({ scopes: ['admin'], prefix: ADMIN_KEY.slice(0, 12) }),
    ]);
  });

  it('shows a new key once and stores only its hash', async () => {
    const created = await call('POST', '/api/v1/api-keys', ADMIN_KEY, { name: 'reader', scopes: ['read'] });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    expect(key).toMatch(/^hk_[A-Za-z0-9]{41}$/);
    const listed = (await call('GET', '/api/v1/api-keys', ADMIN_KEY)).json();
    expect(JSON.stringify(listed)).not.toContain(key);
    expect(listed.find((k: { id: string }) => k.id === id)).toMatchObject({
      name: 'reader',
      scopes: ['read'],
    });
  });

  it.each([
    ['no key', undefined, 'API_KEY_MISSING'],
    ['an unknown key', 'hk_doesnotexist0000000000000000000000000000', 'API_KEY_INVALID'],
  ])('answers 401 to %s', async (_name, key, code) => {
    const res = await call('GET', '/api/v1/api-keys', key);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ statusCode: 401, code });
  });

  it('answers 403 when the key lacks the scope', async () => {
    const reader = await t.keyWith('read');
    const res = await call('GET', '/api/v1/api-keys', reader);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('API_KEY_SCOPE');
  });

  it('stops accepting a key once revoked', async () => {
    const { key, id } = (
      await call('POST', '/api/v1/api-keys', ADMIN_KEY, { name: 'tmp', scopes: ['admin'] })
    ).json();
    expect((await call('GET', '/api/v1/api-keys', key)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/v1/api-keys/${id}`, ADMIN_KEY)).statusCode).toBe(204);
    const res = await call('GET', '/api/v1/api-keys', key);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('API_KEY_REVOKED');
  });

  it('refuses an expired key', async () => {
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const { key } = (
      await call('POST', '/api/v1/api-keys', ADMIN_KEY, { name: 'short', scopes: ['admin'], expiresAt })
    ).json();
    expect((await call('GET', '/api/v1/api-keys', key)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1600));
    const res = await call('GET', '/api/v1/api-keys', key);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('API_KEY_EXPIRED');
  });

  it.each([
    ['an expiresAt in the past', { name: 'late', expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt'],
    ['an expiresAt of now', { name: 'now', expiresAt: new Date().toISOString() }, 'expiresAt'],
    ['a name with NUL', { name: 'evil\u0000name' }, 'name'],
    ['a name with a newline', { name: 'evil\nINFO forged log line' }, 'name'],
    ['a name with an escape', { name: 'evil\u001b[31m' }, 'name'],
    ['a name with a bidi override', { name: 'evil\u202ename' }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
  ])('answers 400 to a key with %s, creating nothing', async (_what, fields, field) => {
    const before = (await call('GET', '/api/v1/api-keys', ADMIN_KEY)).json().length;
    const res = await call('POST', '/api/v1/api-keys', ADMIN_KEY, { scopes: ['read'], ...fields });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([expect.objectContaining({ field })]);
    expect((await call('GET', '/api/v1/api-keys', ADMIN_KEY)).json()).toHaveLength(before);
  });

  it('accepts a name in any script and an expiry in the future', async () => {
    const res = await call('POST', '/api/v1/api-keys', ADMIN_KEY, {
      name: 'Синхронизация 同步 🚀',
      scopes: ['read'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(res.statusCode).toBe(201);
  });

  it('answers 404 when revoking an unknown key', async () => {
    const res = await call('DELETE', '/api/v1/api-keys/00000000-0000-4000-8000-000000000000', ADMIN_KEY);
    expect(res.statusCode).toBe(404);
  });
});

describe(`rate limit per API key (${TEST_TARGET})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ rateLimitPerMinute: 3 });
  });
  afterAll(() => t?.close());

  it('answers 429 with Retry-After past the limit, per key', async () => {
    const a = await t.keyWith('admin');
    const b = await t.keyWith('admin');
    const get = (key: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: { authorization: `Bearer ${key}` } });
    for (let i = 0; i < 3; i++) expect((await get(a)).statusCode).toBe(200);
    const limited = await get(a);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect((await get(b)).statusCode).toBe(200);
  });
});

describe(`failed authentications limited per client address (${TEST_TARGET})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ authFailuresPerMinute: 5 });
  });
  afterAll(() => t?.close());

  const get = (key: string, from: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/v1/api-keys',
      headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': from },
    });

  it('answers 429 with Retry-After past the limit without a query per guess; other addresses go on', async () => {
    const good = await t.keyWith('admin');
    const lookups = jest.spyOn(t.app.get(ApiKeyRepository), 'findByPrefix');
    const guesses = [];
    for (let i = 0; i < 50; i++)
      guesses.push((await get(`hk_guess${i}`.padEnd(44, 'x'), '203.0.113.7')).statusCode);
    expect(guesses.slice(0, 5)).toEqual(Array(5).fill(401));
    expect(guesses.slice(5)).toEqual(Array(45).fill(429));
    expect(lookups).toHaveBeenCalledTimes(5);
    const blocked = await get(good, '203.0.113.7');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(good, '198.51.100.1')).statusCode).toBe(200);
    lookups.mockRestore();
  });
});
