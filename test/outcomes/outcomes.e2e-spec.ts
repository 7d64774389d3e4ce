import { DataSource } from 'typeorm';
import { STRIPE_LIFECYCLE_EXAMPLE } from '../../src/modules/integrations/field-mapping/outcome-example-mappings';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { waitFor } from '../helpers/wait-for';
import { signedHeaders } from '../integrations/signed-delivery';
import { TEST_TARGET } from '../helpers/test-target';

const lifecycle = (overrides: Record<string, unknown> = {}) => ({
  type: 'lifecycle',
  source: 'stripe',
  externalId: `evt-${Math.random().toString(36).slice(2)}`,
  customer: { email: 'ana@example.com', segment: 'trail_club' },
  event: 'subscribed',
  value: 59.9,
  currency: 'EUR',
  occurredAt: '2026-03-01T10:00:00Z',
  ...overrides,
});

jest.setTimeout(60_000);

describe(`outcome events (${TEST_TARGET})`, () => {
  let t: TestApp;
  let ingest: string;
  let reader: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    [ingest, reader, admin] = await Promise.all([t.keyWith('ingest'), t.keyWith('read'), t.keyWith('admin')]);
  });
  afterAll(() => t?.close());

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: body as object,
      headers: { authorization: `Bearer ${ingest}`, ...headers },
    });
  const get = (url: string, key = reader) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
  const rowCount = async () =>
    Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM outcomes'))[0].n);

  it('stores a lifecycle event on the customer the feedback resolves to, once per (source, externalId)', async () => {
    const feedback = await post('/api/v1/feedback', {
      kind: 'survey_response',
      source: 'typeform',
      npsScore: 9,
      customer: { email: 'ANA@example.com' },
    });
    expect(feedback.statusCode).toBe(202);
    const customerId = (await get(`/api/v1/feedback/${feedback.json().id}`)).json().customerId;

    const body = lifecycle({ externalId: 'evt-1' });
    const answers = await Promise.all(Array.from({ length: 6 }, () => post('/api/v1/outcomes', body)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(6).fill(202));
    const ids = new Set(answers.map((a) => a.json().id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.json().status === 'created')).toHaveLength(1);

    const stored = (await get(`/api/v1/outcomes/${[...ids][0]}`)).json();
    expect(stored).toMatchObject({
      type: 'lifecycle',
      event: 'subscribed',
      customerId,
      value: 59.9,
      currency: 'EUR',
      flags: [],
    });
    expect(JSON.stringify(stored)).not.toContain('ana@');
  });

  it('treats externalIds that differ only in case as different events (binary comparison)', async () => {
    const a = await post('/api/v1/outcomes', lifecycle({ externalId: 'Evt-Case', event: 'renewed' }));
    const b = await post('/api/v1/outcomes', lifecycle({ externalId: 'evt-case', event: 'renewed' }));
    expect([a.json().status, b.json().status]).toEqual(['created', 'created']);
    expect(a.json().id).not.toBe(b.json().id);
  });

  it('counts an event without externalId once when posted twice, and replays Idempotency-Key answers', async () => {
    const body = lifecycle({ externalId: undefined, event: 'purchased', value: 12 });
    const first = await post('/api/v1/outcomes', body);
    const second = await post('/api/v1/outcomes', body);
    expect(first.json().status).toBe('created');
    expect(second.json()).toEqual({ id: first.json().id, status: 'duplicate' });

    const keyed = lifecycle({ event: 'renewed' });
    const one = await post('/api/v1/outcomes', keyed, { 'idempotency-key': 'k-outcome-1' });
    const two = await post('/api/v1/outcomes', keyed, { 'idempotency-key': 'k-outcome-1' });
    expect(two.headers['idempotent-replayed']).toBe('true');
    expect(two.json()).toEqual(one.json());
  });

  it('flags a churn with no earlier subscription but stores it', async () => {
    const res = await post('/api/v1/outcomes/batch', {
      items: [
        lifecycle({
          customer: { email: 'nosub@example.com' },
          event: 'churned',
          value: undefined,
          currency: undefined,
        }),
        lifecycle({
          customer: { email: 'sub@example.com' },
          event: 'subscribed',
          occurredAt: '2026-01-01T00:00:00Z',
        }),
        lifecycle({
          customer: { email: 'sub@example.com' },
          event: 'churned',
          value: undefined,
          currency: undefined,
        }),
      ],
    });
    expect(res.json()).toMatchObject({ created: 3, rejected: 0 });
    const [noSub, , withSub] = res.json().results;
    expect((await get(`/api/v1/outcomes/${noSub.id}`)).json().flags).toEqual(['churn_without_subscription']);
    expect((await get(`/api/v1/outcomes/${withSub.id}`)).json().flags).toEqual([]);
    const flagged = (await get('/api/v1/outcomes?flagged=true')).json().items;
    expect(flagged.map((o: { id: string }) => o.id)).toEqual([noSub.id]);
  });

  it('answers 400 with field and reason and writes nothing for bad events', async () => {
    const before = await rowCount();
    const cases: [unknown, string][] = [
      [lifecycle({ type: 'upsell' }), 'type'],
      [lifecycle({ event: 'paused' }), 'event'],
      [
        {
          type: 'referral',
          source: 'r',
          referrer: { email: 'x@y.io' },
          referred: { email: 'X@y.io' },
          status: 'invited',
        },
        'referred',
      ],
      [
        {
          type: 'referral',
          source: 'r',
          referrer: { email: 'x@y.io' },
          referred: { email: 'z@y.io' },
          status: 'won',
        },
        'status',
      ],
      [
        {
          type: 'retention',
          source: 'f',
          periodStart: '2026-01-01',
          periodEnd: '2026-02-01',
          customersAtStart: 10,
          retained: 8,
          churned: 1,
        },
        'customersAtStart',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await post('/api/v1/outcomes', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    expect(await rowCount()).toBe(before);
  });

  it('refuses a referral whose two people turn out to be one customer, leaving nothing behind', async () => {
    await post(
      '/api/v1/outcomes',
      lifecycle({ customer: { externalId: 'cus-9', email: 'nine@example.com' } }),
    );
    const before = await rowCount();
    const res = await post('/api/v1/outcomes/batch', {
      items: [
        {
          type: 'referral',
          source: 'stripe',
          referrer: { externalId: 'cus-9' },
          referred: { email: 'nine@example.com' },
          status: 'converted',
        },
        {
          type: 'referral',
          source: 'stripe',
          referrer: { externalId: 'cus-9' },
          referred: { email: 'friend@example.com' },
          status: 'invited',
        },
      ],
    });
    expect(res.json()).toMatchObject({ created: 1, rejected: 1 });
    expect(res.json().results[0].errors).toEqual([
      { field: 'referred', reason: 'must not be the referrer (a referral to oneself)' },
    ]);
    expect(await rowCount()).toBe(before + 1);
  });

  it('stores retention figures and lists them with filters and cursor pages', async () => {
    const res = await post('/api/v1/outcomes', {
      type: 'retention',
      source: 'finance',
      periodStart: '2026-04-01',
      periodEnd: '2026-05-01',
      segment: 'enterprise',
      customersAtStart: 120,
      retained: 114,
      churned: 6,
    });
    expect(res.statusCode).toBe(202);
    const list = (await get('/api/v1/outcomes?type=retention')).json();
    expect(list.items).toEqual([
      expect.objectContaining({ segment: 'enterprise', customersAtStart: 120, retained: 114, churned: 6 }),
    ]);
    const first = (await get('/api/v1/outcomes?limit=2')).json();
    const next = (await get(`/api/v1/outcomes?limit=2&cursor=${first.nextCursor}`)).json();
    expect(first.items).toHaveLength(2);
    expect(next.items.map((o: { id: string }) => o.id)).not.toContain(first.items[0].id);
    expect((await get('/api/v1/outcomes?type=nope')).statusCode).toBe(400);
    expect((await get('/api/v1/outcomes?cursor=bad')).statusCode).toBe(400);
    expect((await get('/api/v1/outcomes', ingest)).statusCode).toBe(403);
  });

  it('removes a customer’s outcomes on erasure and refuses new ones for them', async () => {
    const created = await post('/api/v1/outcomes', lifecycle({ customer: { email: 'gone@example.com' } }));
    const referral = await post('/api/v1/outcomes', {
      type: 'referral',
      source: 'stripe',
      referrer: { email: 'stays@example.com' },
      referred: { email: 'gone@example.com' },
      status: 'signed_up',
    });
    const customerId = (await get(`/api/v1/outcomes/${created.json().id}`)).json().customerId;
    const erase = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/customers/${customerId}`,
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(erase.statusCode).toBe(204);
    expect((await get(`/api/v1/outcomes/${created.json().id}`)).statusCode).toBe(404);
    expect((await get(`/api/v1/outcomes/${referral.json().id}`)).json().referredCustomerId).toBeNull();
    const again = await post('/api/v1/outcomes', lifecycle({ customer: { email: 'gone@example.com' } }));
    expect(again.statusCode).toBe(400);
  });

  it('takes signed webhook deliveries of an outcome integration through its field mapping', async () => {
    const adminPost = (url: string, body: unknown) =>
      t.app.inject({
        method: 'POST',
        url,
        payload: body as object,
        headers: { authorization: `Bearer ${admin}` },
      });
    const bad = await adminPost('/api/v1/integrations', {
      name: 'bad',
      source: 'stripe',
      kind: 'outcome',
      fieldMapping: { npsScore: '$.x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([
      { field: 'fieldMapping.npsScore', reason: 'is not a Hearken outcome field' },
    ]);
    const created = await adminPost('/api/v1/integrations', {
      name: STRIPE_LIFECYCLE_EXAMPLE.name,
      source: 'stripe-hooks',
      kind: 'outcome',
      fieldMapping: STRIPE_LIFECYCLE_EXAMPLE.mapping,
      constants: STRIPE_LIFECYCLE_EXAMPLE.constants,
    });
    expect(created.statusCode).toBe(201);
    const { id, secret } = created.json();
    const delivery = {
      id: 'evt_hook_1',
      type: 'customer.subscription.created',
      data: {
        object: {
          customer: 'cus_hook',
          customer_email: 'hook@example.com',
          metadata: { amount_major: 19, currency: 'GBP' },
          created_at: '2026-02-01T08:00:00Z',
        },
      },
    };
    const send = (payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/webhooks/${id}`,
        payload: JSON.stringify(payload),
        headers: signedHeaders(secret, JSON.stringify(payload)),
      });
    const res = await send(delivery);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ created: 1, rejected: 0 });
    const stored = (await get(`/api/v1/outcomes/${res.json().results[0].id}`)).json();
    expect(stored).toMatchObject({
      source: 'stripe-hooks',
      externalId: 'evt_hook_1',
      event: 'subscribed',
      value: 19,
      currency: 'GBP',
    });
    const unknownEvent = await send({ ...delivery, id: 'evt_hook_2', type: 'customer.updated' });
    expect(unknownEvent.statusCode).toBe(400);
    expect(unknownEvent.json().details).toEqual([
      { field: 'event', reason: 'is required for type lifecycle' },
    ]);
  });

  it('shows one customer’s feedback from every channel and their outcomes on one timeline', async () => {
    const who = { externalId: 'cus-journey', email: 'journey@example.com' };
    const review = await post('/api/v1/feedback', {
      kind: 'review',
      source: 'trustpilot',
      channel: 'web',
      touchpoint: 'checkout',
      journeyStage: 'purchase',
      customer: { email: who.email },
      text: 'The payment failed three times at checkout and I was charged twice. Terrible.',
      rating: 1,
      occurredAt: '2026-05-06T18:00:00Z',
    });
    const call = await post('/api/v1/feedback', {
      kind: 'call_note',
      source: 'aircall',
      channel: 'phone',
      touchpoint: 'support',
      journeyStage: 'support',
      customer: { externalId: who.externalId, email: who.email },
      text: 'Customer called about the double charge, refund promised.',
      occurredAt: '2026-05-08T09:00:00Z',
    });
    await post('/api/v1/outcomes/batch', {
      items: [
        lifecycle({ customer: who, event: 'subscribed', occurredAt: '2026-01-05T09:00:00Z' }),
        lifecycle({
          customer: who,
          event: 'churned',
          value: undefined,
          currency: undefined,
          occurredAt: '2026-05-20T10:00:00Z',
        }),
        {
          type: 'referral',
          source: 'refer',
          referrer: { email: 'someone@example.com' },
          referred: { email: who.email },
          status: 'converted',
          occurredAt: '2026-01-02T00:00:00Z',
        },
      ],
    });
    const customerId = (await get(`/api/v1/feedback/${review.json().id}`)).json().customerId;
    await waitFor(async () => {
      const f = (await get(`/api/v1/feedback/${call.json().id}`)).json();
      return f.analysisStatus === 'analysed' ? f : undefined;
    });
    await waitFor(async () => {
      const f = (await get(`/api/v1/feedback/${review.json().id}`)).json();
      return f.analysisStatus === 'analysed' ? f : undefined;
    });
    const res = await get(`/api/v1/customers/${customerId}/journey`);
    expect(res.statusCode).toBe(200);
    const journey = res.json();
    expect(journey.channels).toEqual(['phone', 'web']);
    expect(journey.counts).toEqual({ feedback: 2, outcomes: 3 });
    expect(
      journey.timeline.map(
        (e: { entry: string; event?: string; status?: string; kind?: string }) =>
          e.event ?? e.status ?? e.kind,
      ),
    ).toEqual(['converted', 'subscribed', 'review', 'call_note', 'churned']);
    const [referral, , reviewEntry] = journey.timeline;
    expect(referral).toMatchObject({ entry: 'outcome', type: 'referral', role: 'referred' });
    expect(reviewEntry).toMatchObject({
      entry: 'feedback',
      touchpoint: 'checkout',
      journeyStage: 'purchase',
      channel: 'web',
    });
    expect(reviewEntry.sentiment.label).toBe('negative');
    expect(reviewEntry.topics.length).toBeGreaterThan(0);
    expect((await get('/api/v1/customers/00000000-0000-7000-8000-000000000000/journey')).statusCode).toBe(
      404,
    );
    expect((await get('/api/v1/customers/nope/journey')).statusCode).toBe(400);
    expect((await get(`/api/v1/customers/${customerId}/journey`, ingest)).statusCode).toBe(403);
  });

  it('keeps a customer with hundreds of events in one month (their figure state outgrows 64 KB)', async () => {
    // The customer-level figures keep one JSON state per customer and bucket; a MySQL TEXT holds 64 KB, about
    // 400 events, after which every further event of that customer-month failed the whole request.
    const who = { externalId: 'acct-busy', segment: 'enterprise' };
    const events = Array.from({ length: 900 }, (_, i) =>
      lifecycle({
        customer: who,
        event: i % 2 ? 'renewed' : 'subscribed',
        externalId: `busy-${i}`,
        occurredAt: new Date(Date.UTC(2026, 6, 1) + i * 60_000).toISOString(),
      }),
    );
    for (const items of [events.slice(0, 450), events.slice(450)]) {
      const res = await post('/api/v1/outcomes/batch', { items });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({ created: 450, rejected: 0 });
    }
    const [{ n }] = await t.app
      .get(DataSource)
      .query(`SELECT COUNT(*) AS n FROM outcomes WHERE external_id LIKE 'busy-%'`);
    expect(Number(n)).toBe(900);
  });

  it('documents every new endpoint in OpenAPI with an example', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
    const text = (path: string) => JSON.stringify(doc.paths[path] ?? null);
    for (const path of [
      '/api/v1/outcomes',
      '/api/v1/outcomes/batch',
      '/api/v1/customers/{id}/journey',
      '/api/v1/correlations',
      '/api/v1/drivers',
    ]) {
      const refs = [...text(path).matchAll(/#\/components\/schemas\/(\w+)/g)].map((m) => m[1]);
      const schemas = refs.map((name) => JSON.stringify(doc.components.schemas[name]));
      expect([text(path), ...schemas].join()).toContain('example');
    }
  });
});
