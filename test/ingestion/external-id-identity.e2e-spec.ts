import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { signedHeaders } from '../integrations/signed-delivery';

/** Identity is exact bytes: ids that differ only in case or accents are different items. */
const VARIANTS = ['AbC', 'abc', 'ABC', 'ábc'];

describe(`externalId identity is exact bytes (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.keyWith('admin');
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${admin}`, ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  const item = (source: string, externalId: string) => ({
    kind: 'review',
    source,
    externalId,
    channel: 'web',
    text: `review ${externalId}`,
    rating: 4,
  });
  const stored = async (source: string) =>
    (
      (await call('GET', `/api/v1/feedback?limit=50&source=${source}`)).json().items as {
        externalId: string;
      }[]
    )
      .map((i) => i.externalId)
      .sort();

  it('stores each variant alone as a new item, and the exact repeat as a duplicate', async () => {
    const answers = [];
    for (const id of VARIANTS) answers.push(await call('POST', '/api/v1/feedback', item('case-single', id)));
    expect(answers.map((a) => [a.statusCode, a.json().status])).toEqual(VARIANTS.map(() => [202, 'created']));
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(4);
    const repeat = await call('POST', '/api/v1/feedback', item('case-single', 'abc'));
    expect(repeat.json()).toEqual({ status: 'duplicate', id: answers[1].json().id });
    expect(await stored('case-single')).toEqual([...VARIANTS].sort());
  });

  it('stores every variant of a batch, and only the exact repeat is a duplicate', async () => {
    await call('POST', '/api/v1/feedback', item('case-batch', 'AbC'));
    const res = await call('POST', '/api/v1/feedback/batch', {
      items: [...VARIANTS, 'abc'].map((id) => item('case-batch', id)),
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'created',
      'created',
      'created',
      'duplicate',
    ]);
    expect(await stored('case-batch')).toEqual([...VARIANTS].sort());
  });

  it('stores every variant of a webhook delivery, and webhook-ids differing in case are distinct deliveries', async () => {
    const created = await call('POST', '/api/v1/integrations', {
      name: 'native case',
      source: 'case-hook',
      kind: 'review',
      constants: { channel: 'web' },
      itemsPath: '$.items',
    });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json();
    const deliver = (externalIds: string[], webhookId: string) => {
      const payload = JSON.stringify({
        items: externalIds.map((x) => ({ externalId: x, text: `hook ${x}` })),
      });
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/webhooks/${id}`,
        payload,
        headers: signedHeaders(secret, payload, { id: webhookId }),
      });
    };
    const first = await deliver(['AbC'], 'msg_Case');
    expect(first.json()).toMatchObject({ created: 1 });
    const second = await deliver(VARIANTS, 'msg_case');
    expect(second.statusCode).toBe(202);
    expect(second.json()).toMatchObject({ created: 3, duplicate: 1, rejected: 0 });
    // The first delivery id, exactly, is still a replay of its own answer.
    const replay = await deliver(['AbC'], 'msg_Case');
    expect(replay.json()).toMatchObject({ created: 1 });
    expect(await stored('case-hook')).toEqual([...VARIANTS].sort());
  });

  it('declares the key columns binary on MySQL (SQLite compares bytes by default)', async () => {
    const dataSource = t.app.get(DataSource);
    if (TEST_TARGET === 'sqlite') {
      const [row] = await dataSource.query(`SELECT 'abc' = 'ABC' AS same, 'abc' = 'ábc' AS accent`);
      expect(row).toEqual({ same: 0, accent: 0 });
      const sql: { sql: string }[] = await dataSource.query(
        `SELECT sql FROM sqlite_master WHERE name IN ('feedback', 'webhook_deliveries')`,
      );
      expect(sql.map((s) => s.sql).join()).not.toMatch(/NOCASE/i);
      return;
    }
    const rows: { t: string; c: string; collation: string }[] = await dataSource.query(
      `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLLATION_NAME AS collation FROM information_schema.COLUMNS
       WHERE TABLE_SCHEMA = DATABASE() AND (TABLE_NAME, COLUMN_NAME) IN
       (('feedback','source'),('feedback','external_id'),('webhook_deliveries','webhook_id'),
        ('customer_identities','hash'),('erased_identities','hash'),('idempotency_records','id'))`,
    );
    expect(rows).toHaveLength(6);
    for (const r of rows) expect([r.t, r.c, r.collation]).toEqual([r.t, r.c, 'utf8mb4_bin']);
  });
});
