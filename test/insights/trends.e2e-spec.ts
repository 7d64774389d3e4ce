import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { settle } from '../rollups/settle';
import { TEST_TARGET } from '../helpers/test-target';

jest.setTimeout(60_000);

interface Point {
  period: string;
  group: string | null;
  value: number | null;
  n: number;
  ci: { low: number; high: number } | null;
  lowSample: boolean;
}

describe(`GET /api/v1/trends and /trends/compare (${TEST_TARGET})`, () => {
  let t: TestApp;
  let read: string;

  // Week of Mon 2026-03-02 (UTC): 10 NPS answers on web (6 promoters, 2 passives, 2 detractors → NPS 40), 4 on email
  // (all detractors). Sunday 2026-03-08 23:30 UTC is Monday 00:30 in Berlin: the next ISO week there.
  const survey = (n: number, npsScore: number, channel: string, occurredAt: string, text?: string) => ({
    kind: 'survey_response',
    source: 'nps-survey',
    externalId: `tr-${n}`,
    channel,
    touchpoint: 'checkout',
    npsScore,
    csat: npsScore >= 9 ? 5 : 2,
    occurredAt,
    text,
  });
  const items = [
    ...[10, 10, 9, 9, 9, 10, 7, 8, 3, 0].map((s, i) =>
      survey(i, s, 'web', `2026-03-0${2 + (i % 5)}T12:00:00Z`),
    ),
    ...[1, 2, 3, 4].map((s, i) => survey(20 + i, s, 'email', '2026-03-04T09:00:00Z')),
    survey(30, 10, 'web', '2026-03-08T23:30:00Z'),
    // Two weeks later, for the comparison: web NPS falls to −100 (4 detractors).
    ...[0, 1, 2, 3].map((s, i) =>
      survey(40 + i, s, 'web', '2026-03-17T10:00:00Z', 'The checkout kept failing, awful.'),
    ),
    // A segment label a spreadsheet would run as a formula, alone in its February week (the CSV test's).
    {
      ...survey(50, 10, 'mobile_app', '2026-02-10T10:00:00Z'),
      customer: { segment: '=HYPERLINK("http://x")' },
    },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    read = await t.keyWith('read');
    const ingest = await t.keyWith('ingest');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/batch',
      headers: { authorization: `Bearer ${ingest}` },
      payload: { items },
    });
    expect(res.statusCode).toBe(202);
    await settle(t);
  });
  afterAll(() => t?.close());

  const get = (url: string, key: string | null = read) =>
    t.app.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });

  it('answers NPS per ISO week with the standard interval, empty weeks present', async () => {
    const res = await get(
      '/api/v1/trends?metric=nps&granularity=week&from=2026-03-02&to=2026-03-23&channel=web',
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ metric: 'nps', granularity: 'week', timezone: 'UTC', groupBy: null });
    const [w1, w2, w3] = body.points as Point[];
    expect(body.points.map((p: Point) => p.period)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    // Week 1: 7 promoters (incl. Sunday 23:30), 2 passives, 2 detractors of 11 → (7 − 2) / 11.
    expect(w1.n).toBe(11);
    expect(w1.value).toBeCloseTo((100 * 5) / 11, 10);
    // var = p + d − (p − d)² with p = 7/11, d = 2/11; 95 %: ± 1.959964 · 100 · √(var / n).
    const [p, d] = [7 / 11, 2 / 11];
    const half = 1.959964 * 100 * Math.sqrt((p + d - (p - d) ** 2) / 11);
    expect(w1.ci!.low).toBeCloseTo((100 * 5) / 11 - half, 3);
    expect(w1.ci!.high).toBeCloseTo(Math.min(100, (100 * 5) / 11 + half), 3);
    expect(w1.lowSample).toBe(true);
    expect(w2).toEqual({ period: '2026-03-09', group: null, value: null, n: 0, ci: null, lowSample: true });
    expect(w3.value).toBe(-100);
  });

  it('puts buckets on local midnights: Sunday 23:30 UTC is next week in Berlin', async () => {
    const url = (tz: string) =>
      `/api/v1/trends?metric=volume&granularity=week&from=2026-03-02&to=2026-03-16&channel=web&timezone=${tz}`;
    const utc = (await get(url('UTC'))).json().points.map((x: Point) => x.n);
    const berlin = (await get(url('Europe/Berlin'))).json().points.map((x: Point) => x.n);
    expect(utc).toEqual([11, 0]);
    expect(berlin).toEqual([10, 1]);
  });

  it('groups by a dimension, and computes shares with Wilson intervals', async () => {
    const res = await get(
      '/api/v1/trends?metric=csat&granularity=month&from=2026-03-01&to=2026-04-01&groupBy=channel&minSample=3',
    );
    expect(res.statusCode).toBe(200);
    const points = res.json().points as Point[];
    expect(points.map((x) => x.group)).toEqual(['email', 'web']);
    const web = points.find((x) => x.group === 'web')!;
    expect(web.n).toBe(15);
    expect(web.value).toBeCloseTo(7 / 15, 12); // 9–10 answered csat 5, the rest 2
    expect(web.ci!.low).toBeLessThan(7 / 15);
    expect(web.ci!.high).toBeGreaterThan(7 / 15);
    expect(points.find((x) => x.group === 'email')).toMatchObject({ n: 4, value: 0, lowSample: false });
  });

  it('answers alike from the month, week, day and hour slices and from the rollups keyed by every dimension', async () => {
    // Filters that keep every item but touch 3 more dimensions send the same question to rollup_days/_hours.
    const everyDimension = '&kind=survey_response&source=nps-survey&touchpoint=checkout';
    for (const q of [
      'metric=nps&granularity=month&from=2026-02-15&to=2026-04-10&groupBy=channel',
      'metric=volume&granularity=quarter&from=2026-01-01&to=2026-07-01&groupBy=channel',
      'metric=nps&granularity=week&from=2026-02-25&to=2026-03-25&timezone=Europe/Berlin&groupBy=channel',
      'metric=csat&granularity=month&from=2026-03-01&to=2026-04-01&timezone=America/New_York',
    ]) {
      const sliced = await get(`/api/v1/trends?${q}&minSample=1`);
      const full = await get(`/api/v1/trends?${q}&minSample=1${everyDimension}`);
      expect(sliced.statusCode).toBe(200);
      const points = sliced.json().points as Point[];
      expect(points.some((p) => p.n > 0)).toBe(true);
      expect(points).toEqual(full.json().points);
    }
  });

  it('reads a topic’s own sentiment when narrowed to a topic', async () => {
    const db = t.app.get(DataSource);
    const rows: { topic_key: string; s: number; n: number }[] = await db.query(
      `SELECT topic_key, AVG(sentiment_score) AS s, COUNT(*) AS n FROM feedback_topics GROUP BY topic_key ORDER BY n DESC`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const res = await get(
      `/api/v1/trends?metric=sentiment&granularity=quarter&from=2026-01-01&to=2026-04-01&topic=${rows[0].topic_key}`,
    );
    expect(res.statusCode).toBe(200);
    const [q1] = res.json().points as Point[];
    expect(q1.period).toBe('2026-01-01');
    expect(q1.n).toBe(Number(rows[0].n));
    expect(q1.value).toBeCloseTo(Number(rows[0].s), 5);
  });

  it('compares with the period just before, per group, with p- and q-values', async () => {
    const res = await get('/api/v1/trends/compare?metric=nps&from=2026-03-16&to=2026-03-30&groupBy=channel');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.baseline).toEqual({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' });
    const web = body.groups.find((g: { group: string }) => g.group === 'web');
    expect(web.current).toMatchObject({ value: -100, n: 4 });
    expect(web.baseline.n).toBe(11);
    expect(web.change.difference).toBeCloseTo(-100 - (100 * 5) / 11, 10);
    expect(web.change.pValue).toBeLessThan(0.01);
    expect(web.change.qValue).toBeGreaterThanOrEqual(web.change.pValue);
    const email = body.groups.find((g: { group: string }) => g.group === 'email');
    expect(email.current).toEqual({ value: null, n: 0, ci: null });
    expect(email.change).toEqual({ difference: null, ci: null, pValue: null, qValue: null });
  });

  it('answers CSV with a header row, formulas neutralised, for trends and comparisons', async () => {
    const csv = (url: string) =>
      t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${read}`, accept: 'text/csv' } });
    const trends = await csv('/api/v1/trends?metric=nps&from=2026-02-09&to=2026-02-23&groupBy=segment');
    expect(trends.statusCode).toBe(200);
    expect(trends.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(trends.headers['content-disposition']).toBe('attachment; filename="trends.csv"');
    expect(trends.body.split('\r\n')).toEqual([
      'metric,period,group,value,n,ciLow,ciHigh,lowSample',
      `nps,2026-02-09,"'=HYPERLINK(""http://x"")",100,1,100,100,true`,
      `nps,2026-02-16,"'=HYPERLINK(""http://x"")",,0,,,true`,
      '',
    ]);

    const url = '/api/v1/trends/compare?metric=nps&from=2026-03-16&to=2026-03-30&groupBy=channel';
    const [json, compare] = [(await get(url)).json(), await csv(url)];
    expect(compare.statusCode).toBe(200);
    expect(compare.headers['content-disposition']).toBe('attachment; filename="trends-compare.csv"');
    const [header, ...lines] = compare.body.trimEnd().split('\r\n');
    expect(header).toBe(
      'metric,group,current,currentN,currentCiLow,currentCiHigh,baseline,baselineN,baselineCiLow,baselineCiHigh,' +
        'difference,differenceCiLow,differenceCiHigh,pValue,qValue,lowSample',
    );
    expect(lines).toHaveLength(json.groups.length);
    const web = json.groups.find((g: { group: string }) => g.group === 'web');
    const webLine = lines.find((l) => l.startsWith('nps,web,'))!.split(',');
    expect(webLine.slice(2, 4)).toEqual(['-100', '4']);
    expect(Number(webLine[10])).toBe(web.change.difference);
    expect(Number(webLine[13])).toBe(web.change.pValue);
  });

  it.each([
    ['metric=happiness', 'metric'],
    ['metric=nps&groupBy=colour', 'groupBy'],
    ['metric=nps&channel=web,fax', 'channel'],
    ['metric=nps&kind=tweet', 'kind'],
    ['metric=nps&journeyStage=checkout', 'journeyStage'],
    ['metric=nps&signal=anger', 'signal'],
    ['metric=nps&from=2026-03-10&to=2026-03-01', 'from'],
    ['metric=nps&from=2026-02-30', 'from'],
    ['metric=nps&from=yesterday', 'from'],
    ['metric=nps&from=2026-03-01T10:30:00Z', 'from'],
    ['metric=nps&timezone=Mars/Olympus', 'timezone'],
    ['metric=nps&timezone=Asia/Kolkata&from=2026-03-01&to=2026-03-10', 'timezone'],
    ['metric=nps&granularity=day&from=1995-01-01&to=2026-01-01', 'granularity'],
    ['metric=nps&minSample=0', 'minSample'],
    ['metric=nps&minSample=abc', 'minSample'],
    ['metric=nps&topic=delivery&signal=complaint', 'signal'],
    ['metric=nps&granularity=hour', 'granularity'],
  ])('rejects %s with 400 on %s', async (query, field) => {
    const res = await get(`/api/v1/trends?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((x: { field: string }) => x.field)).toContain(field);
  });

  it('rejects a bad baseline and needs the read scope', async () => {
    const bad = await get(
      '/api/v1/trends/compare?metric=nps&from=2026-03-16&to=2026-03-30&compareFrom=2026-03-10&compareTo=2026-03-01',
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('compareFrom');
    expect((await get('/api/v1/trends?metric=nps', null)).statusCode).toBe(401);
  });
});
