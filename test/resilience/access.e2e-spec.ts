import { DataSource } from 'typeorm';
import { ApiKeysService } from '../../src/modules/api-keys/api-keys.service';
import { ApiKeyEntity } from '../../src/modules/api-keys/entities/api-key.entity';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';

// The e2e project's testTimeout is not applied when a run selects files by path.
jest.setTimeout(30_000);

/**
 * Resilience scenario 8 (access): walks the OpenAPI document, so an endpoint added later is covered without
 * a new test. Every operation outside this list must refuse a missing, unknown, revoked or expired key with
 * 401, and every scoped operation must refuse a key without its scope with 403.
 */
/** Public on purpose: probes, signed webhooks, and the digest's one-click unsubscribe (a signed token, RFC 8058). */
const PUBLIC = [/^\/health/, /^\/metrics/, /^\/api\/v1\/webhooks\//, /^\/api\/v1\/digest\/unsubscribe/];
/** Operations any valid key may call (none today): listed on purpose, so a forgotten scope shows up. */
const ANY_SCOPE: RegExp[] = [];
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

describe(`access to every documented endpoint (${TEST_TARGET})`, () => {
  let t: TestApp;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ authFailuresPerMinute: 100_000, rateLimitPerMinute: 100_000 });
    keys.admin = await t.keyWith('admin');
    keys.ingest = await t.keyWith('ingest');
    keys.read = await t.keyWith('read');
    const service = t.app.get(ApiKeysService);
    const revoked = await service.create('revoked', ['admin']);
    await service.revoke(revoked.entity.id);
    const expired = await service.create('expired', ['admin']);
    await t.app
      .get(DataSource)
      .getRepository(ApiKeyEntity)
      .update({ id: expired.entity.id }, { expiresAt: new Date(1000) });
    keys.revoked = revoked.key;
    keys.expired = expired.key;
  });
  afterAll(() => t?.close());

  it('refuses every operation to a missing, unknown, revoked or expired key, and to a key without the scope', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
    const operations: { method: string; path: string }[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(item)) {
        if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) operations.push({ method, path });
      }
    }
    expect(operations.length).toBeGreaterThan(15);
    const rows: string[] = [];
    let refused = 0;
    for (const op of operations) {
      if (PUBLIC.some((p) => p.test(op.path))) continue;
      const url = op.path.replace(/\{[^}]+\}/g, SAMPLE_ID);
      const call = (key?: string) =>
        t.app.inject({
          method: op.method.toUpperCase() as 'GET',
          url,
          headers: key ? { authorization: `Bearer ${key}` } : {},
          ...(op.method === 'get' || op.method === 'delete' ? {} : { payload: {} }),
        });
      const label = `${op.method.toUpperCase()} ${op.path}`;
      for (const [name, key] of [
        ['missing', undefined],
        ['unknown', 'hk_unknownunknownunknownunknownunknownunknow'],
        ['revoked', keys.revoked],
        ['expired', keys.expired],
      ] as const) {
        const res = await call(key);
        expect([label, name, res.statusCode]).toEqual([label, name, 401]);
        refused++;
      }
      const byScope = await Promise.all(
        ['ingest', 'read'].map(async (s) => (await call(keys[s])).statusCode),
      );
      const accepted = ['ingest', 'read'].filter((_, i) => byScope[i] !== 403);
      if (!ANY_SCOPE.some((p) => p.test(op.path)))
        expect([label, accepted.length]).toEqual([label, expect.any(Number)]);
      expect([label, accepted.length < 2 || ANY_SCOPE.some((p) => p.test(op.path))]).toEqual([label, true]);
      rows.push(`| ${label} | 401 ×4 | ${accepted.join(', ') || 'admin only'} |`);
    }
    console.log(
      `access scenario: ${rows.length} protected operations, ${refused} refusals\n| operation | bad keys | scopes let through (besides admin) |\n|---|---|---|\n${rows.join('\n')}`,
    );
  });
});
