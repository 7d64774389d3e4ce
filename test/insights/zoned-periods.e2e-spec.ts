import { DateTime } from 'luxon';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { settle } from '../rollups/settle';

jest.setTimeout(120_000);

interface Point {
  period: string;
  group: string | null;
  value: number | null;
  n: number;
}

/** mulberry32: the same items on every run and both databases. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHANNELS = ['web', 'email', 'chat'];
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC'];

// Periods in a zone read whole UTC days, weeks and months plus or minus the hours of the days their edges cut
// (bucketPlan); these answers are checked against the items themselves, bucketed here with luxon.
describe(`trends in a time zone equal a recomputation from the items (${TEST_TARGET})`, () => {
  let t: TestApp;
  let read: string;
  const random = seeded(20261202);
  // Spring 2026 (both DST changes: New York on 8 March, Berlin on 29 March), hours spread over whole days so
  // that the edge hours of every zone hold items; the first and last hours of a UTC day get extra ones.
  const start = Date.UTC(2026, 1, 20);
  const items = Array.from({ length: 400 }, (_, i) => {
    const day = Math.floor(random() * 60);
    const hour = i % 4 === 0 ? [0, 1, 22, 23][Math.floor(random() * 4)] : Math.floor(random() * 24);
    const at = start + day * 86_400_000 + hour * 3_600_000 + Math.floor(random() * 3_600_000);
    return {
      kind: 'survey_response',
      source: 'nps-survey',
      externalId: `zp-${i}`,
      channel: CHANNELS[Math.floor(random() * CHANNELS.length)],
      npsScore: Math.floor(random() * 11),
      occurredAt: new Date(at).toISOString(),
    };
  });

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

  /** NPS and n per (period label, channel) from the items in [from, to). */
  const expected = (zone: string, unit: 'day' | 'week' | 'month', from: Date, to: Date) => {
    const cells = new Map<string, { n: number; promoters: number; detractors: number }>();
    for (const item of items) {
      const at = new Date(item.occurredAt);
      if (at < from || at >= to) continue;
      const label = DateTime.fromJSDate(at, { zone }).startOf(unit).toISODate();
      const key = `${label}|${item.channel}`;
      const cell = cells.get(key) ?? { n: 0, promoters: 0, detractors: 0 };
      cell.n += 1;
      if (item.npsScore >= 9) cell.promoters += 1;
      if (item.npsScore <= 6) cell.detractors += 1;
      cells.set(key, cell);
    }
    return cells;
  };

  it.each(ZONES.flatMap((zone) => (['day', 'week', 'month'] as const).map((unit) => [zone, unit] as const)))(
    'in %s by %s, with range edges inside UTC days',
    async (zone, unit) => {
      // Local dates, and date-times cutting UTC days at several hours (ties at noon included).
      for (const [from, to] of [
        ['2026-02-23', '2026-04-20'],
        ['2026-02-24T12:00:00Z', '2026-04-11T05:00:00Z'],
        ['2026-03-01T19:00:00Z', '2026-03-30T12:00:00Z'],
      ]) {
        const url = `/api/v1/trends?metric=nps&granularity=${unit}&timezone=${zone}&groupBy=channel&minSample=1&from=${from}&to=${to}`;
        const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${read}` } });
        expect(res.statusCode).toBe(200);
        const points = res.json().points as Point[];
        const range = (s: string) =>
          s.includes('T') ? new Date(s) : DateTime.fromISO(s, { zone }).toJSDate();
        const cells = expected(zone, unit, range(from), range(to));
        expect([...cells.values()].reduce((total, c) => total + c.n, 0)).toBeGreaterThan(50);
        for (const p of points) {
          const cell = cells.get(`${p.period}|${p.group}`);
          expect({ period: p.period, group: p.group, n: p.n }).toEqual({
            period: p.period,
            group: p.group,
            n: cell?.n ?? 0,
          });
          if (cell) expect(p.value).toBeCloseTo((100 * (cell.promoters - cell.detractors)) / cell.n, 9);
          else expect(p.value).toBeNull();
        }
        // Every cell with items is answered.
        const answered = new Set(points.map((p) => `${p.period}|${p.group}`));
        expect([...cells.keys()].filter((k) => !answered.has(k))).toEqual([]);
      }
    },
  );
});
