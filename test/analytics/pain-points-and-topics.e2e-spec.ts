import { InsightsQueryService } from '../../src/modules/rollups/query/insights-query.service';
import { RollupQueryRepository } from '../../src/modules/rollups/query/rollup-query.repository';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { caller, Inject, ingestAnalysed } from './analytics-fixtures';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const WEEK = Date.UTC(2026, 3, 27); // a Monday: the week checkout breaks
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const BROKEN = [
  'Payment declined at checkout, my card was charged twice. Terrible.',
  'Checkout payment failed again, the card payment keeps getting declined. Awful.',
];
const FINE = ['Checkout was quick and easy, great experience.', 'Smooth checkout, lovely.'];

describe(`pain points and topic insights (${TEST_TARGET})`, () => {
  let t: TestApp;
  let reader: Inject;
  const range = `from=${day(WEEK)}&to=${day(WEEK + 7 * DAY_MS)}`;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = caller(t, await t.keyWith('admin'));
    reader = caller(t, await t.keyWith('read'));
    const items: object[] = [];
    let n = 0;
    const add = (
      at: number,
      touchpoint: string,
      journeyStage: string,
      text: string,
      channel = 'web',
      email?: string,
    ) =>
      items.push({
        kind: 'review',
        source: 'shop',
        externalId: `p${++n}`,
        channel,
        touchpoint,
        journeyStage,
        text,
        occurredAt: new Date(at + 9 * 3_600_000 + (n % 600) * 1000).toISOString(),
        ...(email ? { customer: { email } } : {}),
      });
    for (let d = -28; d < 7; d++) {
      const at = WEEK + d * DAY_MS;
      for (let i = 0; i < 3; i++) add(at, 'checkout', 'purchase', FINE[(d + i + 40) % 2]);
      add(at, 'delivery', 'purchase', 'Delivery was quick and the courier friendly.');
      add(at, 'support', 'support', 'Support answered my question, thanks.');
      if (d >= 0)
        for (let i = 0; i < 6; i++)
          add(
            at,
            'checkout',
            'purchase',
            BROKEN[i % 2],
            ['web', 'chat', 'email'][(d + i) % 3],
            `buyer${i}@example.com`,
          );
    }
    await ingestAnalysed(admin, items);
  });
  afterAll(() => t?.close());

  it('ranks checkout first by impact, with its negative topics and negative examples', async () => {
    const res = await reader('GET', `/api/v1/pain-points?${range}&examples=2`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.overall.volume).toBe(7 * 11);
    const [first] = body.touchpoints;
    expect(first.value).toBe('checkout');
    expect(first.volume).toBe(63);
    expect(first.impact).toBeGreaterThan(5); // (42/63 − 42/77) × 63 ≈ 7.6
    // impact = (share − overall share) × volume, from the same numbers the answer shows
    expect(first.impact).toBeCloseTo((first.negativeShare - body.overall.negativeShare) * first.volume, 6);
    expect(first.topNegativeTopics.length).toBeGreaterThan(0);
    expect(first.examples).toHaveLength(2);
    for (const e of first.examples)
      expect(e).toMatchObject({ touchpoint: 'checkout', analysis: { sentimentLabel: 'negative' } });
    expect(body.journeyStages[0].value).toBe('purchase');
    const impacts = body.touchpoints.map((p: { impact: number }) => p.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
  });

  it("reads every row's negative topics in one read per dimension, the sums of one read per row", async () => {
    // Edge hours of a zoned range and a channel filter: the reads that add and subtract hours, over two dimensions.
    const insights = t.app.get(InsightsQueryService);
    const zoned = {
      from: new Date(WEEK - 4 * 3_600_000),
      to: new Date(WEEK + 7 * DAY_MS - 4 * 3_600_000),
      timezone: 'America/New_York',
    };
    for (const filters of [{}, { channel: ['web'] }, { channel: ['web', 'chat'] }])
      for (const dimension of ['touchpoint', 'journeyStage'] as const) {
        const values = ['checkout', 'delivery', 'support', 'purchase', 'nowhere'];
        const batched = await insights.totalsPer(
          zoned,
          { ...filters, [dimension]: values },
          'topic',
          dimension,
        );
        expect([...batched.keys()]).toEqual(values);
        for (const value of values) {
          const single = await insights.totals(zoned, { ...filters, [dimension]: [value] }, 'topic');
          const byTopic = (rows: { group: string | null }[]) =>
            [...rows].sort((a, b) => String(a.group).localeCompare(String(b.group)));
          expect(byTopic(batched.get(value)!)).toEqual(byTopic(single));
        }
      }

    const reads = jest.spyOn(RollupQueryRepository.prototype, 'sliceSums');
    const ask = async (limit: number) => {
      reads.mockClear();
      const res = await reader('GET', `/api/v1/pain-points?${range}&channel=web&limit=${limit}&examples=1`);
      expect(res.statusCode).toBe(200);
      return { body: res.json(), reads: reads.mock.calls.length };
    };
    const [one, three] = [await ask(1), await ask(3)];
    reads.mockRestore();
    expect(three.body.touchpoints).toHaveLength(3);
    expect(three.body.touchpoints[0].topNegativeTopics.length).toBeGreaterThan(0);
    expect(three.body.touchpoints[0]).toEqual(one.body.touchpoints[0]);
    expect(three.reads).toBe(one.reads); // three rows per dimension cost no more reads than one
  });

  it('finds customers who complained about one topic in two channels', async () => {
    const res = await reader(
      'GET',
      `/api/v1/pain-points/cross-channel?to=${day(WEEK + 7 * DAY_MS)}&windowDays=7`,
    );
    expect(res.statusCode).toBe(200);
    const { topics, window } = res.json();
    expect(window.days).toBe(7);
    expect(topics.length).toBeGreaterThan(0);
    expect(topics[0].customers).toBe(6);
    const pairs = topics[0].channelPairs.map((p: { channels: string[] }) => p.channels.join('+'));
    expect(pairs).toEqual(expect.arrayContaining(['chat+email', 'chat+web', 'email+web']));
    const before = await reader('GET', `/api/v1/pain-points/cross-channel?to=${day(WEEK)}&windowDays=30`);
    expect(before.json().topics).toEqual([]);
  });

  it('calls the topic whose share rose a significant mover, with NPS, sentiment and examples', async () => {
    const res = await reader('GET', `/api/v1/topic-insights?${range}&examples=1`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items).toEqual({ current: 77, baseline: 28 * 5 });
    const [mover] = body.movers;
    expect(mover.significant).toBe(true);
    expect(mover.shareChange.difference).toBeGreaterThan(0.2);
    expect(mover.shareChange.qValue).toBeLessThan(0.05);
    // The share is a proportion of the 77 items in the range, with its Wilson interval around it.
    expect(mover.share).toBeCloseTo(mover.volume / 77, 12);
    expect(mover.shareCi.low).toBeLessThan(mover.share);
    expect(mover.shareCi.high).toBeGreaterThan(mover.share);
    expect(mover.negativeShare.value).toBeGreaterThan(0.5);
    expect(mover.examples[0].analysis.topics.map((x: { key: string }) => x.key)).toContain(mover.topic);
    expect(mover).toHaveProperty('nps');
    expect(body.byVolume.map((x: { volume: number }) => x.volume)).toEqual(
      [...body.byVolume.map((x: { volume: number }) => x.volume)].sort((a, b) => b - a),
    );
    expect(body.byNegativity[0].negativeShare.value).toBeGreaterThanOrEqual(
      body.byNegativity[1]?.negativeShare.value ?? 0,
    );
  });

  it('answers CSV and refuses bad input with the field', async () => {
    const csv = await reader('GET', `/api/v1/topic-insights?${range}`, undefined, { accept: 'text/csv' });
    expect(csv.body.split('\r\n')[0]).toMatch(/^list,rank,topic,volume,share,shareLow,shareHigh,/);
    const pains = await reader('GET', `/api/v1/pain-points?${range}`, undefined, { accept: 'text/csv' });
    expect(pains.body.split('\r\n')[1]).toMatch(/^touchpoint,checkout,/);
    for (const [url, field] of [
      ['/api/v1/pain-points?channel=fax', 'channel'],
      ['/api/v1/pain-points?from=2026-05-01&to=2026-04-01', 'from'],
      ['/api/v1/pain-points?timezone=Mars/Olympus', 'timezone'],
      ['/api/v1/pain-points?limit=0', 'limit'],
      ['/api/v1/topic-insights?compareFrom=nope', 'compareFrom'],
      ['/api/v1/pain-points/cross-channel?windowDays=0', 'windowDays'],
      ['/api/v1/pain-points/cross-channel?to=2026-13-01', 'to'],
    ]) {
      const res = await reader('GET', url);
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });
});
