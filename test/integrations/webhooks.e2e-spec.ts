import { DataSource } from 'typeorm';
import {
  TRUSTPILOT_REVIEW_EXAMPLE,
  TYPEFORM_NPS_EXAMPLE,
} from '../../src/modules/integrations/field-mapping/example-mappings';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { fixture, signedHeaders } from './signed-delivery';

describe(`signed webhooks (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.keyWith('admin');
  });
  afterAll(() => t?.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${admin}` },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  const register = async (body: Record<string, unknown>): Promise<{ id: string; secret: string }> => {
    const res = await api('POST', '/api/v1/integrations', body);
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const deliver = (integrationId: string, payload: unknown, headers: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${integrationId}`,
      payload: JSON.stringify(payload),
      headers,
    });
  const send = (
    integration: { id: string; secret: string },
    payload: unknown,
    options: { id?: string; at?: Date; secret?: string } = {},
  ) =>
    deliver(
      integration.id,
      payload,
      signedHeaders(options.secret ?? integration.secret, JSON.stringify(payload), options),
    );
  const rows = async (source: string) =>
    (await api('GET', `/api/v1/feedback?limit=200&source=${source}`)).json().items as { id: string }[];

  const typeform = () =>
    register({
      name: 'Typeform NPS',
      source: 'typeform',
      fieldMapping: TYPEFORM_NPS_EXAMPLE.mapping,
      constants: TYPEFORM_NPS_EXAMPLE.constants,
    });
  const trustpilot = (source: string) =>
    register({
      name: `Trustpilot ${source}`,
      source,
      fieldMapping: TRUSTPILOT_REVIEW_EXAMPLE.mapping,
      constants: { ...TRUSTPILOT_REVIEW_EXAMPLE.constants, source },
      itemsPath: TRUSTPILOT_REVIEW_EXAMPLE.itemsPath,
    });
  const native = (source: string) =>
    register({ name: `native ${source}`, source, kind: 'review', constants: { channel: 'web' } });

  it('ingests a Typeform NPS response through its mapping, with personal data redacted', async () => {
    const integration = await typeform();
    const payload = fixture('typeform-form-response.json');
    payload.form_response.answers[1].text += ' Reach me at maria.santos@example.com or +44 20 7946 0958.';
    const res = await send(integration, payload);
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toMatchObject({
      created: 1,
      duplicate: 0,
      rejected: 0,
      results: [{ index: 0, status: 'created' }],
    });
    const stored = (await api('GET', `/api/v1/feedback/${body.results[0].id}`)).json();
    expect(stored).toMatchObject({
      kind: 'survey_response',
      source: 'typeform',
      channel: 'email',
      externalId: 'a3a12ec67a1365927098a606107fac15',
      npsScore: 3,
      touchpoint: 'checkout',
      segment: 'smb',
      occurredAt: '2026-03-18T09:14:02.000Z',
    });
    expect(stored.text).toMatch(/^Payment failed twice at checkout/);
    expect(stored.text).toContain('[EMAIL]');
    expect(stored.text).toContain('[PHONE]');
    expect(stored.text).not.toMatch(/maria|7946/i);
    expect(stored.redacted).toEqual(['email', 'phone']);
  });

  it('ingests every review of a batched Trustpilot delivery', async () => {
    const integration = await trustpilot('trustpilot');
    const res = await send(integration, fixture('trustpilot-service-review-created.json'));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ created: 2, rejected: 0 });
    const [first, second] = await Promise.all(
      res
        .json()
        .results.map(async (r: { id: string }) => (await api('GET', `/api/v1/feedback/${r.id}`)).json()),
    );
    expect(first).toMatchObject({
      kind: 'review',
      source: 'trustpilot',
      externalId: '6601c0e5a1b2c3d4e5f60718',
      rating: 0.5,
      language: 'en',
    }); // 3 of 1..5
    expect(first.text).toBe(
      'The trail runners are excellent, but my refund for the second pair took three weeks.',
    );
    expect(second).toMatchObject({ kind: 'review', externalId: '6601c2f0a1b2c3d4e5f60999', rating: 1 });
  });

  describe('refuses deliveries that are not provably from the sender', () => {
    let integration: { id: string; secret: string };
    const item = { text: 'Lovely staff', rating: 5 };
    beforeAll(async () => {
      integration = await native('auth-checks');
    });

    it.each([
      [
        'a signature made with another secret',
        { secret: 'whsec_' + Buffer.alloc(32, 7).toString('base64') },
        'WEBHOOK_SIGNATURE_INVALID',
      ],
      [
        'a timestamp 6 minutes old',
        { at: new Date(Date.now() - 6 * 60_000) },
        'WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
      ],
      [
        'a timestamp 6 minutes ahead',
        { at: new Date(Date.now() + 6 * 60_000) },
        'WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
      ],
    ])('401 for %s', async (_name, options, code) => {
      const res = await send(integration, item, options);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ statusCode: 401, code });
    });

    it('401 for a body changed after signing', async () => {
      const headers = signedHeaders(integration.secret, JSON.stringify(item));
      const res = await deliver(integration.id, { ...item, rating: 1 }, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('WEBHOOK_SIGNATURE_INVALID');
    });

    it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])('401 without %s', async (header) => {
      const headers = signedHeaders(integration.secret, JSON.stringify(item));
      delete headers[header];
      const res = await deliver(integration.id, item, headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('WEBHOOK_HEADERS_MISSING');
    });

    it('stored none of them, while a good delivery goes through', async () => {
      expect(await rows('auth-checks')).toHaveLength(0);
      expect((await send(integration, item)).statusCode).toBe(202);
      expect(await rows('auth-checks')).toHaveLength(1);
    });
  });

  it('answers a replayed webhook-id with the first outcome and stores one row', async () => {
    const integration = await native('replays');
    const item = { text: 'No external id here, so only the webhook-id can tell a retry apart', rating: 4 };
    const first = await send(integration, item, { id: 'msg_replay_1' });
    expect(first.statusCode).toBe(202);
    const retry = await send(integration, item, { id: 'msg_replay_1' });
    expect(retry.statusCode).toBe(202);
    expect(retry.headers['webhook-replayed']).toBe('true');
    expect(retry.json()).toEqual(first.json());
    expect(await rows('replays')).toHaveLength(1);
    expect((await send(integration, item, { id: 'msg_replay_2' })).statusCode).toBe(202);
    expect(await rows('replays')).toHaveLength(2);
  });

  it('stores one row when the same webhook-id arrives twice at once', async () => {
    const integration = await native('races');
    const item = { text: 'Sent twice in parallel by an eager retrier', rating: 2 };
    const answers = await Promise.all([1, 2, 3].map(() => send(integration, item, { id: 'msg_race' })));
    // The repeats wait for the first delivery's answer and replay it: every one is a 202.
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202]);
    expect(answers.filter((a) => a.headers['webhook-replayed'] === 'true')).toHaveLength(2);
    expect(await rows('races')).toHaveLength(1);
  });

  it('keeps the old secret valid only for the grace period after a rotation', async () => {
    const integration = await native('rotation');
    const rotated = await api('POST', `/api/v1/integrations/${integration.id}/rotate-secret`, {
      graceSeconds: 2,
    });
    expect(rotated.statusCode).toBe(200);
    const { secret, previousSecretExpiresAt } = rotated.json();
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(integration.secret);
    expect(Date.parse(previousSecretExpiresAt)).toBeGreaterThan(Date.now());
    expect((await send(integration, { text: 'old secret, in grace', rating: 3 })).statusCode).toBe(202);
    expect((await send(integration, { text: 'new secret', rating: 3 }, { secret })).statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 3_200));
    const late = await send(integration, { text: 'old secret, too late', rating: 3 });
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('WEBHOOK_SIGNATURE_INVALID');
    expect((await send(integration, { text: 'new secret, later', rating: 3 }, { secret })).statusCode).toBe(
      202,
    );
    expect(
      (await api('GET', `/api/v1/integrations/${integration.id}`)).json().previousSecretExpiresAt,
    ).toBeNull();
  });

  it('refuses a payload that maps to invalid items with fields and reasons, storing nothing of it', async () => {
    const integration = await trustpilot('tp-strict');
    const payload = fixture('trustpilot-service-review-created.json');
    payload.events[1].eventData.stars = 9;
    payload.events[1].eventData.createdAt = 'yesterday';
    const res = await send(integration, payload, { id: 'msg_bad_1' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('WEBHOOK_PAYLOAD_REJECTED');
    expect(
      res
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['items[1].occurredAt', 'items[1].rating']);
    expect(await rows('tp-strict')).toHaveLength(0);
    // A refusal is not remembered: the sender's corrected delivery with the same id is processed.
    const fixed = await send(integration, fixture('trustpilot-service-review-created.json'), {
      id: 'msg_bad_1',
    });
    expect(fixed.statusCode).toBe(202);
    expect(await rows('tp-strict')).toHaveLength(2);
  });

  it('acknowledges, without storing, feedback from an erased customer', async () => {
    const integration = await typeform();
    const payload = fixture('typeform-form-response.json');
    payload.form_response.token = 'erasure-1';
    payload.form_response.hidden = { email: 'erase.me@example.com', customer_id: 'cus_erased' };
    const first = (await send(integration, payload)).json();
    const { customerId } = (await api('GET', `/api/v1/feedback/${first.results[0].id}`)).json();
    expect((await api('DELETE', `/api/v1/customers/${customerId}`)).statusCode).toBe(204);
    payload.form_response.token = 'erasure-2';
    const replay = await send(integration, payload);
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toMatchObject({
      created: 0,
      rejected: 1,
      results: [{ status: 'rejected', errors: [{ field: 'customer' }] }],
    });
    const stored = (await api('GET', `/api/v1/customers/${customerId}`)).json();
    expect(stored.feedback).toHaveLength(1);
  });

  it('answers 404 for an unknown or disabled integration', async () => {
    const body = JSON.stringify({ text: 'x', rating: 1 });
    const secret = 'whsec_' + Buffer.alloc(32, 1).toString('base64');
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await deliver(id, JSON.parse(body), signedHeaders(secret, body));
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('INTEGRATION_NOT_FOUND');
    }
    const integration = await native('disabled');
    expect((await api('DELETE', `/api/v1/integrations/${integration.id}`)).statusCode).toBe(204);
    expect((await send(integration, { text: 'x', rating: 1 })).statusCode).toBe(404);
    expect(
      (await api('PATCH', `/api/v1/integrations/${integration.id}`, { enabled: true })).json().enabled,
    ).toBe(true);
    expect((await send(integration, { text: 'x', rating: 1 })).statusCode).toBe(202);
  });

  it('recovers by rotation when a stored secret no longer decrypts', async () => {
    const integration = await native('undecryptable');
    const db = t.app.get(DataSource);
    await db.query('UPDATE integrations SET secret_encrypted = ? WHERE id = ?', [
      'v1.AAAA.AAAA.AAAA',
      integration.id,
    ]);
    const refused = await send(integration, { text: 'x', rating: 1 });
    expect(refused.statusCode).toBe(401);
    const { secret } = (await api('POST', `/api/v1/integrations/${integration.id}/rotate-secret`, {})).json();
    expect((await send(integration, { text: 'x', rating: 1 }, { secret })).statusCode).toBe(202);
  });

  it('stores signing secrets encrypted, not in clear', async () => {
    const integration = await native('at-rest');
    const [row] = await t.app
      .get(DataSource)
      .query('SELECT secret_encrypted FROM integrations WHERE id = ?', [integration.id]);
    expect(row.secret_encrypted).toMatch(/^v1\./);
    expect(row.secret_encrypted).not.toContain(integration.secret.slice('whsec_'.length, 20));
  });
});

describe(`webhook rate limit per integration (${TEST_TARGET})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ rateLimitPerMinute: 3 });
  });
  afterAll(() => t?.close());

  it('answers 429 with Retry-After past the limit, per integration, counting only signed deliveries', async () => {
    const admin = await t.keyWith('admin');
    const register = async (source: string): Promise<{ id: string; secret: string }> =>
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/integrations',
          headers: { authorization: `Bearer ${admin}` },
          payload: { name: source, source, kind: 'review', constants: { channel: 'web' } },
        })
      ).json();
    const a = await register('limited-a');
    const b = await register('limited-b');
    const send = (integration: { id: string; secret: string }, n: number, secret = integration.secret) => {
      const body = JSON.stringify({ text: `Fine ${n}`, rating: 4 });
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/webhooks/${integration.id}`,
        payload: body,
        headers: signedHeaders(secret, body, { id: `msg-${integration.id}-${n}` }),
      });
    };
    // Badly signed deliveries are refused (401) and use up nothing.
    for (let n = 0; n < 5; n++) expect((await send(a, n, b.secret)).statusCode).toBe(401);
    for (let n = 0; n < 3; n++) expect((await send(a, n)).statusCode).toBe(202);
    const limited = await send(a, 3);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // A retried delivery still gets its first answer; the refused one was not claimed, so it may come again.
    const retried = await send(a, 0);
    expect(retried.statusCode).toBe(202);
    expect(retried.headers['webhook-replayed']).toBe('true');
    expect((await send(a, 3)).statusCode).toBe(429);
    expect((await send(b, 0)).statusCode).toBe(202);
  });
});
