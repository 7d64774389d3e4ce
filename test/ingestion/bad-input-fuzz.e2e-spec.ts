import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VALID = {
  kind: 'review',
  source: 'fuzz',
  channel: 'web',
  text: 'The parcel was late.',
  rating: 2,
  scale: 5,
  customer: { email: 'fuzz@example.com', segment: 'smb', attributes: { plan: 'pro' } },
  metadata: { orderId: 'A-1' },
  occurredAt: '2026-11-01T00:00:00Z',
};

const JUNK: unknown[] = [
  null,
  true,
  -1,
  0,
  1e308,
  -1e308,
  3.5,
  '',
  ' ',
  'x'.repeat(300),
  '\u0000',
  '\ud800',
  '2100-01-01',
  'NaN',
  [],
  [1, 2],
  {},
  { a: { b: { c: { d: { e: {} } } } } },
  { __proto__x: 1 },
  '<script>',
  '😀'.repeat(50),
];

describe(`bad input never gives a 5xx or a half-written row (${TEST_TARGET})`, () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await createTestApp();
    key = await t.keyWith('admin');
  });
  afterAll(() => t?.close());

  it('answers every one of 300 mutated items with a 202 or a 4xx naming the field', async () => {
    const next = random(42);
    const pick = <T>(xs: T[]): T => xs[Math.floor(next() * xs.length)];
    const fields = [
      ...Object.keys(VALID),
      'npsScore',
      'unknownField',
      'customer.email',
      'customer.attributes',
      'metadata.deep',
    ];
    let accepted = 0;
    const ids = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const item: Record<string, unknown> = JSON.parse(JSON.stringify(VALID));
      item.externalId = `fuzz-${i}`;
      for (let m = 0; m < 1 + Math.floor(next() * 3); m++) {
        const field = pick(fields);
        const [top, sub] = field.split('.');
        if (sub) item[top] = { ...((item[top] as object) ?? {}), [sub]: pick(JUNK) };
        else item[top] = pick(JUNK);
      }
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/feedback',
        payload: item,
        headers: { authorization: `Bearer ${key}` },
      });
      expect([202, 400, 413, 422]).toContain(res.statusCode);
      if (res.statusCode === 202) {
        accepted++;
        ids.add(res.json().id as string);
        const stored = await t.app.inject({
          method: 'GET',
          url: `/api/v1/feedback/${res.json().id}`,
          headers: { authorization: `Bearer ${key}` },
        });
        expect(stored.statusCode).toBe(200);
      } else {
        expect(res.json().details?.length ?? 0).toBeGreaterThan(0);
      }
    }
    // Distinct ids: nothing accepted twice, nothing lost (a mutated source may file items elsewhere).
    expect(ids.size).toBe(accepted);
    expect(accepted).toBeGreaterThan(0);
  });
});
