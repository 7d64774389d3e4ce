import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { settle } from '../rollups/settle';

jest.setTimeout(60_000);

interface Component {
  key: string;
  value: number | null;
  n: number;
  ci: { low: number; high: number } | null;
  weight: number;
  appliedWeight: number;
}
interface IndexValue {
  index: string;
  value: number | null;
  standardError: number | null;
  ci: { low: number; high: number } | null;
  n: number;
  lowSample: boolean;
  components: Component[];
  change: { difference: number; pValue: number | null } | null;
}

const Z = 1.959963984540054;
/** Agresti–Coull standard error of a share component on 0..100 (docs/statistics.md). */
const shareSe = (x: number, n: number) => {
  const p = (x + 2) / (n + 4);
  return 100 * Math.sqrt((p * (1 - p)) / (n + 4));
};

/**
 * Hand-worked SAT indices. Week 1 (Mon 2026-03-02, UTC), segment trail_club, customers c1..c10, answers without
 * text (no sentiment):
 *   NPS 10 10 9 9 8 7 (web, c1..c6) and 6 5 3 0 (email, c7..c10): 4 promoters, 2 passives, 4 detractors → NPS 0 → 50;
 *   CSAT 5 5 4 2 of 5: top box 3/4 → 75;   CES 7 6 6 3 2: low effort 3/5 → 60;
 *   Satisfaction (50 + 75 + 60) / 3;  promoter share 40; c1 invites two friends (one converts), c2 invites one:
 *   referrers 2 of 10 active → 20, conversion 1/3;  Advocacy (40 + 20 + 33.3) / 3;  retention figures 90 of 100 → Trust 90.
 * Week 2: texts from c1 (positive on web and email), c2 (positive + negative), c3 (negative on web and chat);
 *   lifecycle: c1, c2, c4 renew, c3 churns (no retention figures: 1 − 1/4 → 75); NPS 10 10 0 (web, c1 c2 c3) 9 (email, c4).
 *   repeat positive: 1 of 3 customers with ≥ 2 items; recurring complaints: c3 of 3 → 66.7; Trust (75 + 33.3 + 66.7) / 3.
 */
describe(`SAT indices (${TEST_TARGET})`, () => {
  let t: TestApp;
  let read: string;
  let admin: string;
  const customer = (i: number) => ({
    externalId: `c${i}`,
    email: `c${i}@example.com`,
    segment: 'trail_club',
  });
  let seq = 0;
  const survey = (i: number, at: string, extra: Record<string, unknown>, channel = 'web') => ({
    kind: 'survey_response',
    source: 'sat-test',
    externalId: `s-${seq++}`,
    channel,
    touchpoint: 'checkout',
    customer: customer(i),
    occurredAt: at,
    ...extra,
  });
  const W1 = '2026-03-03T10:00:00Z';
  const W2 = '2026-03-10T10:00:00Z';
  const POSITIVE = 'Excellent service, I love it, wonderful and fast. Great!';
  const NEGATIVE = 'Terrible, awful experience. The checkout is broken and I hate it.';
  const items = [
    ...[10, 10, 9, 9, 8, 7].map((npsScore, i) => survey(i + 1, W1, { npsScore })),
    ...[6, 5, 3, 0].map((npsScore, i) => survey(i + 7, W1, { npsScore }, 'email')),
    ...[5, 5, 4, 2].map((csat, i) => survey(i + 1, W1, { csat, csatScale: 5 })),
    ...[7, 6, 6, 3, 2].map((ces, i) => survey(i + 1, W1, { ces })),
    survey(1, W2, { text: POSITIVE }),
    survey(1, W2, { text: POSITIVE }, 'email'),
    survey(2, W2, { text: POSITIVE }),
    survey(2, W2, { text: NEGATIVE }),
    survey(3, W2, { text: NEGATIVE }),
    survey(3, W2, { text: NEGATIVE }, 'chat'),
    ...[10, 10, 0].map((npsScore, i) => survey(i + 1, W2, { npsScore })),
    survey(4, W2, { npsScore: 9 }, 'email'),
  ];
  const referral = (n: number, referrer: number, friend: string, status: string) => ({
    type: 'referral',
    source: 'sat-test',
    externalId: `r-${n}`,
    referrer: { externalId: `c${referrer}` },
    referred: { email: friend },
    status,
    occurredAt: W1,
  });
  const lifecycle = (i: number, event: string) => ({
    type: 'lifecycle',
    source: 'sat-test',
    externalId: `l-${i}-${event}`,
    customer: customer(i),
    event,
    occurredAt: W2,
  });
  const outcomes = [
    referral(1, 1, 'f1@example.com', 'invited'),
    referral(2, 1, 'f2@example.com', 'invited'),
    referral(3, 1, 'f1@example.com', 'converted'),
    referral(4, 2, 'f3@example.com', 'invited'),
    {
      type: 'retention',
      source: 'sat-test',
      externalId: 'ret-1',
      segment: 'trail_club',
      periodStart: '2026-02-01',
      periodEnd: '2026-03-04',
      customersAtStart: 100,
      retained: 90,
      churned: 10,
      occurredAt: W1,
    },
    ...[1, 2, 4].map((i) => lifecycle(i, 'renewed')),
    lifecycle(3, 'churned'),
  ];

  beforeAll(async () => {
    t = await createTestApp();
    [read, admin] = await Promise.all([t.keyWith('read'), t.keyWith('admin')]);
    const ingest = await t.keyWith('ingest');
    const headers = { authorization: `Bearer ${ingest}` };
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/batch',
      headers,
      payload: { items },
    });
    expect(res.statusCode).toBe(202);
    await settle(t);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/outcomes/batch',
      headers,
      payload: { items: outcomes },
    });
    expect(out.statusCode).toBe(202);
    expect(out.json()).toMatchObject({ created: outcomes.length, rejected: 0 });
    await settle(t); // the fold job counts the events in the customer figures
  });
  afterAll(() => t?.close());

  const get = (url: string, key = read) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
  const put = (body: unknown, key = admin) =>
    t.app.inject({
      method: 'PUT',
      url: '/api/v1/indices/definitions',
      headers: { authorization: `Bearer ${key}` },
      payload: body as object,
    });
  const weeks = async (query = '') => {
    const res = await get(`/api/v1/indices?granularity=week&from=2026-03-02&to=2026-03-16${query}`);
    expect(res.statusCode).toBe(200);
    return res.json().points as { period: string; group: string | null; indices: IndexValue[] }[];
  };
  const byName = (indices: IndexValue[], name: string) => indices.find((i) => i.index === name)!;
  const comp = (index: IndexValue, key: string) => index.components.find((c) => c.key === key)!;

  it('stores the sentiment the week-2 texts were written with', async () => {
    const rows: { text: string; sentiment_label: string }[] = await t.app
      .get(DataSource)
      .query(
        `SELECT f.text, a.sentiment_label FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id`,
      );
    for (const r of rows) expect(r.sentiment_label).toBe(r.text === POSITIVE ? 'positive' : 'negative');
    expect(rows).toHaveLength(6);
  });

  it('computes Satisfaction from NPS, CSAT top box and low-effort CES, renormalising without sentiment', async () => {
    const [w1] = await weeks();
    const sat = byName(w1.indices, 'satisfaction');
    expect(comp(sat, 'nps').value).toBeCloseTo(50, 10);
    expect(comp(sat, 'nps').n).toBe(10);
    expect(comp(sat, 'csat_top_box')).toMatchObject({ value: 75, n: 4 });
    expect(comp(sat, 'ces_low_effort')).toMatchObject({ value: 60, n: 5 });
    expect(comp(sat, 'net_sentiment')).toMatchObject({ value: null, n: 0, appliedWeight: 0 });
    expect(comp(sat, 'nps').appliedWeight).toBeCloseTo(1 / 3, 12);
    expect(sat.value).toBeCloseTo((50 + 75 + 60) / 3, 10);
    // se(NPS component) = 50·√((p+ + p− − (p+ − p−)²)/n) = 50·√(0.8/10); composite se = √Σ(wᵢ·seᵢ)².
    const se = Math.sqrt((50 * Math.sqrt(0.08)) ** 2 + shareSe(3, 4) ** 2 + shareSe(3, 5) ** 2) / 3;
    expect(sat.standardError).toBeCloseTo(se, 10);
    expect(sat.ci!.low).toBeCloseTo(sat.value! - Z * se, 8);
    expect(sat.ci!.high).toBeCloseTo(sat.value! + Z * se, 8);
    expect(sat.n).toBe(19);
    expect(sat.lowSample).toBe(true);
    // The component interval is the query layer's (NPS interval rescaled to 0..100).
    const trend = (
      await get('/api/v1/trends?metric=nps&granularity=week&from=2026-03-02&to=2026-03-09')
    ).json();
    expect(comp(sat, 'nps').ci!.low).toBeCloseTo((trend.points[0].ci.low + 100) / 2, 10);
  });

  it('computes Advocacy from promoters, referrers among active customers and referral conversion', async () => {
    const [w1] = await weeks();
    const adv = byName(w1.indices, 'advocacy');
    expect(comp(adv, 'promoter_share')).toMatchObject({ value: 40, n: 10 });
    expect(comp(adv, 'referrer_share')).toMatchObject({ value: 20, n: 10 });
    expect(comp(adv, 'referral_conversion').value).toBeCloseTo(100 / 3, 10);
    expect(comp(adv, 'referral_conversion').n).toBe(3);
    expect(comp(adv, 'public_positive_share').value).toBeNull();
    expect(adv.value).toBeCloseTo((40 + 20 + 100 / 3) / 3, 10);
  });

  it('computes Trust from retention, repeat positive engagement and recurring complaints, with its change', async () => {
    const [w1, w2] = await weeks();
    const trust1 = byName(w1.indices, 'trust');
    expect(comp(trust1, 'retention')).toMatchObject({ value: 90, n: 100 });
    expect(trust1.value).toBeCloseTo(90, 10);
    expect(trust1.change).toBeNull();
    const trust2 = byName(w2.indices, 'trust');
    expect(comp(trust2, 'retention')).toMatchObject({ value: 75, n: 4 });
    expect(comp(trust2, 'repeat_positive').value).toBeCloseTo(100 / 3, 10);
    expect(comp(trust2, 'repeat_positive').n).toBe(3);
    expect(comp(trust2, 'no_recurring_complaints').value).toBeCloseTo(200 / 3, 10);
    expect(trust2.value).toBeCloseTo((75 + 100 / 3 + 200 / 3) / 3, 10);
    expect(trust2.change!.difference).toBeCloseTo(trust2.value! - 90, 10);
    const se = Math.hypot(trust1.standardError!, trust2.standardError!);
    expect(trust2.change!.pValue!).toBeCloseTo(2 * (1 - normalCdf(Math.abs(trust2.value! - 90) / se)), 6);
    // Week 2's net sentiment: 3 positive, 3 negative of 6 → 50.
    expect(comp(byName(w2.indices, 'satisfaction'), 'net_sentiment').value).toBeCloseTo(50, 10);
  });

  it('groups by segment and by channel; outcome components have no data by channel', async () => {
    const seg = await weeks('&groupBy=segment');
    expect(seg.map((p) => [p.period, p.group])).toEqual([
      ['2026-03-02', 'trail_club'],
      ['2026-03-09', 'trail_club'],
    ]);
    expect(byName(seg[0].indices, 'trust').value).toBeCloseTo(90, 10);
    const ch = await weeks('&groupBy=channel');
    const email1 = ch.find((p) => p.group === 'email' && p.period === '2026-03-02')!;
    expect(comp(byName(email1.indices, 'satisfaction'), 'nps').value).toBe(0); // NPS −100 → 0
    expect(comp(byName(email1.indices, 'advocacy'), 'referrer_share').value).toBeNull();
  });

  it('answers CSV with Accept: text/csv: a line per index and per component, the same values as the JSON', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/indices?granularity=week&from=2026-03-02&to=2026-03-16&groupBy=segment',
      headers: { authorization: `Bearer ${read}`, accept: 'text/csv' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'period,group,index,component,value,ciLow,ciHigh,n,weight,appliedWeight,lowSample,change,changePValue',
    );
    const cells = lines.slice(1).map((l) => l.split(','));
    // 2 weeks × 1 group × 3 indices × (the index + its components: 4 + 4 + 3).
    expect(cells).toHaveLength(2 * (3 + 11));
    const trust2 = cells.find((c) => c[0] === '2026-03-09' && c[2] === 'trust' && c[3] === '')!;
    expect(trust2[1]).toBe('trail_club');
    expect(Number(trust2[4])).toBeCloseTo((75 + 100 / 3 + 200 / 3) / 3, 6);
    const retention = cells.find((c) => c[0] === '2026-03-02' && c[3] === 'retention')!;
    expect([Number(retention[4]), Number(retention[7])]).toEqual([90, 100]);
  });

  it('serves versioned definitions; a weight change applies to history at once', async () => {
    const defs = (await get('/api/v1/indices/definitions')).json();
    expect(defs).toMatchObject({ formulaVersion: '1', weightsVersion: 0 });
    expect(defs.weights.satisfaction).toEqual({
      nps: 1,
      csat_top_box: 1,
      ces_low_effort: 1,
      net_sentiment: 1,
    });
    expect(defs.indices.map((d: { name: string }) => d.name)).toEqual(['satisfaction', 'advocacy', 'trust']);
    const res = await put({ weights: { satisfaction: { nps: 2 } } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ weightsVersion: 1 });
    const [w1] = await weeks();
    expect(byName(w1.indices, 'satisfaction').value).toBeCloseTo((2 * 50 + 75 + 60) / 4, 10);
    await put({ weights: { satisfaction: { nps: 1 } } });
    expect((await get('/api/v1/indices/definitions')).json().weightsVersion).toBe(2);
  });

  it('refuses bad weights with the field and reason, changing nothing; only admins may edit', async () => {
    const cases: [unknown, string][] = [
      [{ weights: { satisfaction: { nps: -1 } } }, 'weights.satisfaction.nps'],
      [
        {
          weights: {
            advocacy: {
              promoter_share: 0,
              referrer_share: 0,
              referral_conversion: 0,
              public_positive_share: 0,
            },
          },
        },
        'weights.advocacy',
      ],
      [{ weights: { loyalty: { nps: 1 } } }, 'weights.loyalty'],
      [{ weights: { trust: { nps: 1 } } }, 'weights.trust.nps'],
      [{ weights: { trust: { retention: 'high' } } }, 'weights.trust.retention'],
      [{ weights: 3 }, 'weights'],
      [{}, 'weights'],
    ];
    for (const [body, field] of cases) {
      const res = await put(body);
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    expect((await get('/api/v1/indices/definitions')).json().weightsVersion).toBe(2);
    expect((await put({ weights: { trust: { retention: 2 } } }, read)).statusCode).toBe(403);
  });

  it('explains the NPS change by channel: mix + rate = total exactly, the total is the change', async () => {
    const res = await get(
      '/api/v1/indices/explain?metric=nps&groupBy=channel&from=2026-03-09&to=2026-03-16&compareFrom=2026-03-02&compareTo=2026-03-09',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.valueA).toBeCloseTo(0, 10);
    expect(body.valueB).toBeCloseTo(50, 10);
    for (const g of body.groups) expect(g.mix + g.rate).toBe(g.total);
    expect(body.total.mix + body.total.rate).toBe(body.total.total);
    expect(body.total.total).toBeCloseTo(50, 10);
    const web = body.groups.find((g: { group: string }) => g.group === 'web');
    // web: 6 → 3 of the answers (share 0.6 → 0.75), NPS 66.7 → 33.3.
    expect(web.shareA).toBeCloseTo(0.6, 12);
    expect(web.shareB).toBeCloseTo(0.75, 12);
    expect(web.rate).toBeCloseTo((100 / 3 - 200 / 3) * ((0.6 + 0.75) / 2), 10);
    const trust = await get(
      '/api/v1/indices/explain?metric=trust&groupBy=segment&from=2026-03-09&to=2026-03-16&compareFrom=2026-03-02&compareTo=2026-03-09',
    );
    expect(trust.statusCode).toBe(200);
    expect(trust.json().total.total).toBeCloseTo(trust.json().valueB - trust.json().valueA, 10);
  });

  it('refuses bad queries with the field and reason', async () => {
    const cases: [string, string][] = [
      ['/api/v1/indices?granularity=fortnight', 'granularity'],
      ['/api/v1/indices?groupBy=colour', 'groupBy'],
      ['/api/v1/indices?channel=pigeon', 'channel'],
      ['/api/v1/indices?from=2026-03-10&to=2026-03-01', 'from'],
      ['/api/v1/indices?timezone=Mars/Base', 'timezone'],
      ['/api/v1/indices?minSample=0', 'minSample'],
      ['/api/v1/indices/explain?metric=volume&groupBy=channel&from=2026-03-09&to=2026-03-16', 'metric'],
      ['/api/v1/indices/explain?metric=nps&from=2026-03-09&to=2026-03-16', 'groupBy'],
      ['/api/v1/indices/explain?metric=nps&groupBy=channel&from=2025-03-09&to=2025-03-16', 'metric'],
    ];
    for (const [url, field] of cases) {
      const res = await get(url);
      expect([url, res.statusCode]).toEqual([url, 400]);
      expect(res.json().details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
  });
});

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf), enough for a 1e-6 check of a p-value. */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}
