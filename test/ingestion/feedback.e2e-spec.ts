import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';

const review = (overrides: Record<string, unknown> = {}) => ({
  kind: 'review',
  source: 'trustpilot',
  externalId: `r-${Math.random().toString(36).slice(2)}`,
  channel: 'web',
  touchpoint: 'checkout',
  journeyStage: 'purchase',
  customer: { email: 'Jane.Doe@Example.com', segment: 'smb' },
  text: 'The parcel arrived two weeks late and support was rude. Call me on +44 20 7946 0958 or jane@example.com.',
  rating: 1,
  scale: 5,
  title: 'Never again',
  occurredAt: '2026-11-01T10:00:00Z',
  ...overrides,
});

describe(`feedback ingestion (${TEST_TARGET})`, () => {
  let t: TestApp;
  let ingest: string;
  let reader: string;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp({ defaultPhoneCountry: 'US' });
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
  const count = async (query: string) =>
    (await get(`/api/v1/feedback?limit=200&${query}`)).json().items.length;

  it('stores a review with personal data stripped, answers 202, and analyses it in the background', async () => {
    const res = await post('/api/v1/feedback', review({ externalId: 'r-1' }));
    expect(res.statusCode).toBe(202);
    const { id, status } = res.json();
    expect(status).toBe('created');
    const stored = (await get(`/api/v1/feedback/${id}`)).json();
    expect(stored).toMatchObject({
      kind: 'review',
      source: 'trustpilot',
      externalId: 'r-1',
      rating: 0,
      touchpoint: 'checkout',
    });
    expect(stored.text).toContain('[PHONE]');
    expect(stored.text).toContain('[EMAIL]');
    expect(stored.text).not.toMatch(/7946|jane@/);
    expect(stored.redacted).toEqual(['email', 'phone']);
    expect(stored.customerId).toMatch(/^[0-9a-f-]{36}$/);

    const analysed = await waitFor(async () => {
      const f = (await get(`/api/v1/feedback/${id}`)).json();
      return f.analysisStatus === 'analysed' ? f : undefined;
    });
    expect(analysed.analysisError).toBeNull();
    const analysis = (await get(`/api/v1/feedback/${id}/analysis`)).json();
    expect(analysis.result.sentiment.label).toBe('negative');
    expect(analysis.result.sentences.length).toBeGreaterThanOrEqual(2);
    expect(analysis.result.topics.map((x: { key: string }) => x.key)).toEqual(
      expect.arrayContaining([expect.stringMatching(/deliver|shipping/)]),
    );
  });

  it('stores the same (source, externalId) once, also when copies arrive at the same moment', async () => {
    const body = review({ externalId: 'r-concurrent' });
    const answers = await Promise.all(Array.from({ length: 8 }, () => post('/api/v1/feedback', body)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(202));
    const ids = new Set(answers.map((a) => a.json().id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.json().status === 'created')).toHaveLength(1);
    const rows = (await get('/api/v1/feedback?limit=200&source=trustpilot'))
      .json()
      .items.filter((f: { externalId: string }) => f.externalId === 'r-concurrent');
    expect(rows).toHaveLength(1);
  });

  it('replays the first answer for an Idempotency-Key and refuses the key with another body', async () => {
    const body = review({ externalId: undefined, text: 'Great service, thank you!' });
    const first = await post('/api/v1/feedback', body, { 'idempotency-key': 'key-abc' });
    const again = await post('/api/v1/feedback', body, { 'idempotency-key': 'key-abc' });
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await post(
      '/api/v1/feedback',
      { ...body, text: 'Something else' },
      { 'idempotency-key': 'key-abc' },
    );
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('takes a batch: stores the valid items and says why the others were rejected', async () => {
    const res = await post('/api/v1/feedback/batch', {
      items: [
        review({ externalId: 'b-1' }),
        { kind: 'survey_response', source: 'typeform', externalId: 's-1', npsScore: 11, channel: 'email' },
        {
          kind: 'call_note',
          source: 'zendesk',
          externalId: 'c-1',
          channel: 'phone',
          outcome: 'resolved',
          text: 'Refund issued.',
        },
        review({ externalId: 'b-1' }),
      ],
    });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body).toMatchObject({ created: 2, duplicate: 1, rejected: 1 });
    expect(body.results[1]).toMatchObject({
      index: 1,
      status: 'rejected',
      errors: [expect.objectContaining({ field: 'npsScore' })],
    });
    expect(body.results[3]).toMatchObject({ status: 'duplicate', id: body.results[0].id });
  });

  it.each([
    ['a wrong type', { ...review(), rating: 'five' }, 'rating'],
    ['an unknown kind', { ...review(), kind: 'tweet' }, 'kind'],
    ['an unknown field', { ...review(), sneaky: true }, 'sneaky'],
    [
      'an unknown customer field',
      { ...review(), customer: { email: 'a@b.co', password: 'x' } },
      'customer.password',
    ],
    ['a text over 20,000 characters', { ...review(), text: 'a'.repeat(20_001) }, 'text'],
    ['a date far in the future', { ...review(), occurredAt: '2100-01-01T00:00:00Z' }, 'occurredAt'],
    ['an array instead of an object', [review()], '(root)'],
  ])('refuses %s with the field and reason, storing nothing', async (_name, body, field) => {
    const before = await count('source=trustpilot');
    const res = await post('/api/v1/feedback', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field, reason: expect.any(String) })]),
    );
    expect(await count('source=trustpilot')).toBe(before);
  });

  it('refuses a batch of more than 1,000 items', async () => {
    const res = await post('/api/v1/feedback/batch', { items: Array.from({ length: 1001 }, () => ({})) });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ field: 'items' });
  });

  it('lists with filters and cursor pagination', async () => {
    for (let i = 0; i < 5; i++) {
      await post(
        '/api/v1/feedback',
        review({ source: 'pager', externalId: `p-${i}`, occurredAt: `2026-10-0${i + 1}T00:00:00Z` }),
      );
    }
    const first = (await get('/api/v1/feedback?source=pager&limit=2')).json();
    expect(first.items.map((f: { externalId: string }) => f.externalId)).toEqual(['p-4', 'p-3']);
    const second = (await get(`/api/v1/feedback?source=pager&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((f: { externalId: string }) => f.externalId)).toEqual(['p-2', 'p-1']);
    const ranged = (
      await get('/api/v1/feedback?source=pager&from=2026-10-02T00:00:00Z&to=2026-10-04T00:00:00Z')
    ).json();
    expect(ranged.items).toHaveLength(2);
    expect((await get('/api/v1/feedback?channel=carrier-pigeon')).statusCode).toBe(400);
  });

  it('keeps one customer across channels and erases them on request', async () => {
    const a = (
      await post(
        '/api/v1/feedback',
        review({ source: 'shop', externalId: 'x1', channel: 'web', customer: { email: 'SAM@example.com' } }),
      )
    ).json();
    const b = (
      await post('/api/v1/feedback', {
        kind: 'survey_response',
        source: 'typeform',
        externalId: 'x2',
        channel: 'email',
        npsScore: 3,
        text: 'Too expensive',
        customer: { email: 'sam@example.com', phone: '+1 415 555 2671' },
      })
    ).json();
    const c = (
      await post('/api/v1/feedback', {
        kind: 'call_note',
        source: 'zendesk',
        externalId: 'x3',
        channel: 'phone',
        outcome: 'escalated',
        text: 'Customer angry about billing',
        customer: { phone: '(415) 555-2671' },
      })
    ).json();
    const ids = await Promise.all(
      [a, b, c].map(async (r) => (await get(`/api/v1/feedback/${r.id}`)).json().customerId),
    );
    expect(new Set(ids).size).toBe(1);
    const profile = (await get(`/api/v1/customers/${ids[0]}`)).json();
    expect(profile.channels).toEqual(['email', 'phone', 'web']);
    expect(profile.feedback).toHaveLength(3);

    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/customers/${ids[0]}`,
          headers: { authorization: `Bearer ${admin}` },
        })
      ).statusCode,
    ).toBe(204);
    const erased = (await get(`/api/v1/customers/${ids[0]}`)).json();
    expect(erased.erased).toBe(true);
    expect(erased.feedback.every((f: { text: string | null }) => f.text === null)).toBe(true);
    const replay = await post(
      '/api/v1/feedback',
      review({ source: 'shop', externalId: 'x9', customer: { email: 'sam@example.com' } }),
    );
    expect(replay.statusCode).toBe(400);
    expect(replay.json().details[0].field).toBe('customer');
  });

  it('needs the ingest scope to write and read scope to read', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: review(),
      headers: { authorization: `Bearer ${reader}` },
    });
    expect(res.statusCode).toBe(403);
    expect((await get('/api/v1/feedback', ingest)).statusCode).toBe(403);
  });
});
