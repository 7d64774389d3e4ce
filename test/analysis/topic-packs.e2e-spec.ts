import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';

jest.setTimeout(60_000);

const GENERAL_KEYS = [
  'ordering',
  'payment',
  'price',
  'delivery',
  'returns-refunds',
  'product-quality',
  'availability',
  'customer-service',
  'website-app',
  'account',
  'subscription',
  'communication',
  'staff',
  'waiting-time',
];

describe(`topic packs (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: string;
  let reader: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.keyWith('admin');
    reader = await t.keyWith('read');
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST', url: string, key = admin, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(body !== undefined ? { payload: body as object } : {}),
    });

  const analysisOf = async (id: string) =>
    waitFor(async () => {
      const res = await call('GET', `/api/v1/feedback/${id}/analysis`);
      return res.statusCode === 200 ? (res.json() as { result: { topics: { key: string }[] } }) : undefined;
    }, 20_000);

  it('seeds exactly the 14 general keys at the top, with no domain topic', async () => {
    const topics: { key: string; parentKey: string | null }[] = (await call('GET', '/api/v1/topics')).json();
    expect(
      topics
        .filter((x) => !x.parentKey)
        .map((x) => x.key)
        .sort(),
    ).toEqual([...GENERAL_KEYS].sort());
    expect(topics.map((x) => x.key)).not.toContain('flight-delays');
  });

  it('lists the packs with their topics under general keys', async () => {
    const res = await call('GET', '/api/v1/topics/packs');
    expect(res.statusCode).toBe(200);
    const packs: { name: string; topics: { key: string; parentKey: string | null }[] }[] = res.json();
    expect(packs.map((p) => p.name)).toEqual(
      expect.arrayContaining(['travel', 'restaurants-hospitality', 'ecommerce-retail', 'software-saas']),
    );
    const travel = packs.find((p) => p.name === 'travel')!;
    expect(travel.topics.find((x) => x.key === 'flight-delays')?.parentKey).toBe('waiting-time');
    expect((await call('GET', '/api/v1/topics/packs', reader)).statusCode).toBe(403);
  });

  it('applies a pack once, re-analyses stored feedback, and changes nothing when applied again', async () => {
    const text = 'Our flight was delayed four hours and the cabin crew were rude.';
    const { id } = (
      await call('POST', '/api/v1/feedback', admin, {
        kind: 'review',
        source: 'app',
        text,
        rating: 1,
        scale: 5,
      })
    ).json();
    const before = await analysisOf(id);
    expect(before?.result.topics.map((x) => x.key)).not.toContain('flight-delays');

    const first = await call('POST', '/api/v1/topics/packs/travel/apply');
    expect(first.statusCode).toBe(200);
    const applied = first.json();
    expect(applied.added).toEqual(expect.arrayContaining(['flight-delays', 'cabin-crew', 'lost-luggage']));
    expect(applied.reprocessId).toEqual(expect.any(String));
    await waitFor(async () => {
      const r = (await call('GET', `/api/v1/analysis/reprocess/${applied.reprocessId}`)).json();
      return r.status === 'completed' ? r : undefined;
    }, 30_000);
    const after = (await call('GET', `/api/v1/feedback/${id}/analysis`)).json();
    const keys = after.result.topics.map((x: { key: string }) => x.key);
    expect(keys).toEqual(expect.arrayContaining(['flight-delays', 'cabin-crew']));
    expect((await call('GET', '/api/v1/topics/flight-delays')).json().parentKey).toBe('waiting-time');

    const count = (await call('GET', '/api/v1/topics')).json().length;
    const again = (await call('POST', '/api/v1/topics/packs/travel/apply')).json();
    expect(again).toMatchObject({ pack: 'travel', added: [], updated: [], reprocessId: null });
    expect((await call('GET', '/api/v1/topics')).json()).toHaveLength(count);
  });

  it('answers an unknown pack with 404 and a read key with 403', async () => {
    const missing = await call('POST', '/api/v1/topics/packs/astrology/apply');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('travel');
    expect((await call('POST', '/api/v1/topics/packs/travel/apply', reader)).statusCode).toBe(403);
  });
});
