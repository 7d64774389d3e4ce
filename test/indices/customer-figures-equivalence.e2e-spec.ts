import { DataSource } from 'typeorm';
import { AnalysisService } from '../../src/modules/analysis/analysis.service';
import { CustomerFiguresReader, PeopleFigures } from '../../src/modules/indices/customer-figures.reader';
import { IndexFiguresReader } from '../../src/modules/indices/index-figures.reader';
import type {
  Granularity,
  QueryDimension,
  QueryFilters,
} from '../../src/modules/rollups/query/insights-query.types';
import { periodsOf } from '../../src/modules/rollups/query/time-buckets';
import { CustomerFiguresRepository } from '../../src/modules/rollups/customer-figures/customer-figures.repository';
import { CustomerFiguresService } from '../../src/modules/rollups/customer-figures/customer-figures.service';
import { RollupsService } from '../../src/modules/rollups/rollups.service';
import { OutboxService } from '../../src/core/outbox/outbox.service';
import { FoldOutcomeFiguresJob } from '../../src/modules/rollups/customer-figures/fold-outcome-figures.job';
import { PendingOutcomeFiguresSweeper } from '../../src/modules/rollups/customer-figures/pending-outcome-figures.sweeper';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { settle } from '../rollups/settle';

jest.setTimeout(180_000);

/** mulberry32: the same data on every run and both databases. */
function seeded(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] };
}

const TEXTS = [
  'Late delivery and a rude driver, awful.',
  'Lovely staff, quick refund, thanks! Great.',
  'The checkout kept failing and my card was declined twice. Terrible.',
  'Excellent service, I love it, wonderful and fast.',
  'How do I change my delivery address?',
];
const SEGMENTS = ['smb', 'enterprise', 'consumer'];
const CHANNELS = ['web', 'email', 'chat'];
const TOUCHPOINTS = ['checkout', 'delivery', undefined];
const START = Date.UTC(2026, 8, 28); // a Monday; five weeks, over a month's end
const SPAN = 35 * 86_400_000;

/** Every figure of every group and period, missing ones as zeros (a group with nothing in it is no difference). */
function flatten(f: PeopleFigures, periods: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kind of ['customers', 'outcomes'] as const)
    for (const [group, list] of f[kind])
      for (let p = 0; p < periods; p++)
        for (const [field, v] of Object.entries(list[p]))
          if (v !== 0) out[`${kind}|${group}|${p}|${field}`] = v as number;
  return out;
}

describe(`pre-aggregated customer figures equal the raw computation (${TEST_TARGET})`, () => {
  let t: TestApp;
  let db: DataSource;
  let keys: { ingest: string; admin: string };
  const r = seeded(20261202);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    keys = { ingest: await t.keyWith('ingest'), admin: await t.keyWith('admin') };
  });
  afterAll(() => t?.close());

  const at = () => new Date(START + Math.floor(r.next() * SPAN)).toISOString();
  const person = (i: number, withSegment = true) => ({
    email: `c${i}@example.com`,
    ...(withSegment ? { segment: SEGMENTS[i % 3] } : {}),
  });

  const post = async (url: string, items: unknown[]) => {
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${keys.ingest}` },
      payload: { items },
    });
    expect(res.statusCode).toBe(202);
    return (res.json().results as { id: string }[]).map((x) => x.id);
  };

  const feedback = (from: number, count: number) =>
    post(
      '/api/v1/feedback/batch',
      Array.from({ length: count }, (_, k) => {
        const c = Math.floor(r.next() * 12);
        return {
          kind: r.next() < 0.5 ? 'survey_response' : 'chat',
          source: 'eq',
          externalId: `f-${from + k}`,
          channel: r.pick(CHANNELS),
          touchpoint: r.pick(TOUCHPOINTS),
          // Items keep their own segment: one customer's items may sit in two.
          customer: { ...person(c), segment: r.next() < 0.85 ? SEGMENTS[c % 3] : r.pick(SEGMENTS) },
          text: r.next() < 0.85 ? r.pick(TEXTS) : undefined,
          npsScore: Math.floor(r.next() * 11),
          occurredAt: at(),
        };
      }),
    );

  const outcomes = (from: number, count: number) =>
    post(
      '/api/v1/outcomes/batch',
      Array.from({ length: count }, (_, k) => {
        const n = from + k;
        const kind = r.next();
        const c = Math.floor(r.next() * 12);
        if (kind < 0.4)
          return {
            type: 'referral',
            source: 'eq',
            externalId: `o-${n}`,
            // Some without a segment: they take the referrer's latest one in the same bucket.
            referrer: person(c, r.next() < 0.5),
            referred: { email: `friend${n}@example.com` },
            status: r.pick(['invited', 'signed_up', 'converted']),
            occurredAt: at(),
          };
        if (kind < 0.9)
          return {
            type: 'lifecycle',
            source: 'eq',
            externalId: `o-${n}`,
            customer: person(c, r.next() < 0.6),
            event: r.pick(['subscribed', 'renewed', 'purchased', 'churned']),
            occurredAt: at(),
          };
        const start = 80 + Math.floor(r.next() * 40);
        const retained = start - Math.floor(r.next() * 10);
        return {
          type: 'retention',
          source: 'eq',
          externalId: `o-${n}`,
          segment: r.pick(SEGMENTS),
          periodStart: '2026-09-01',
          periodEnd: '2026-09-28',
          customersAtStart: start,
          retained,
          churned: start - retained,
          occurredAt: at(),
        };
      }),
    );

  const QUESTIONS: { granularity: Granularity; filters: QueryFilters; groupBy?: QueryDimension }[] = [
    { granularity: 'week', filters: {} },
    { granularity: 'week', filters: {}, groupBy: 'segment' },
    { granularity: 'day', filters: {}, groupBy: 'segment' },
    { granularity: 'month', filters: {}, groupBy: 'channel' },
    { granularity: 'week', filters: { segment: ['smb'] } },
    { granularity: 'week', filters: { segment: ['smb', 'enterprise'] }, groupBy: 'segment' },
    { granularity: 'week', filters: { channel: ['web'] }, groupBy: 'touchpoint' },
    { granularity: 'month', filters: { touchpoint: ['checkout'], segment: ['consumer'] } },
  ];

  const COUNTS = [
    'with_sentiment',
    'two_or_more',
    'two_or_more_positive',
    'recurring_complaints',
    'active_customers',
    'referrers',
    'invited',
    'converted',
    'retention_at_start',
    'retained',
    'lifecycle_customers',
    'churned_customers',
  ];
  const storedSlices = async () => {
    const rows: Record<string, string | number>[] = await db.query(
      `SELECT grain, bucket, dim_a, dim_b, value_a, value_b, ${COUNTS.join(', ')} FROM customer_figure_slices
       ORDER BY grain, bucket, dim_a, dim_b, value_a, value_b`,
    );
    return rows
      .filter((row) => COUNTS.some((c) => Number(row[c]) !== 0))
      .map((row) => Object.values(row).map(String).join('|'));
  };

  const compare = async () => {
    const reader = t.app.get(IndexFiguresReader);
    const pre = t.app.get(CustomerFiguresReader);
    for (const q of QUESTIONS) {
      const monthly = q.granularity === 'month';
      const range = {
        from: new Date(monthly ? Date.UTC(2026, 8, 1) : START),
        to: new Date(monthly ? Date.UTC(2026, 10, 1) : START + SPAN),
        timezone: 'UTC',
      };
      const periods = periodsOf(range, q.granularity);
      const withOutcomes =
        Object.keys(q.filters).every((d) => d === 'segment') && (!q.groupBy || q.groupBy === 'segment');
      const fromSlices = await pre.read(periods, q.filters, q.groupBy, withOutcomes);
      expect(fromSlices).not.toBeNull();
      const raw = await reader.raw(periods, q.filters, q.groupBy, withOutcomes);
      const label = JSON.stringify(q);
      expect({ label, figures: flatten(fromSlices!, periods.length) }).toEqual({
        label,
        figures: flatten(raw, periods.length),
      });
    }
  };

  it('after inserts, duplicates, concurrent re-analyses, outcomes, an erasure and a rebuild', async () => {
    const analysis = t.app.get(AnalysisService);
    const ids = await feedback(0, 120);
    await outcomes(0, 60);
    await settle(t);
    await compare();
    const [{ n }] = await db.query(
      'SELECT COUNT(*) AS n FROM customer_figure_slices WHERE with_sentiment > 0',
    );
    expect(Number(n)).toBeGreaterThan(0);

    // Duplicates change nothing; new items and events; overlapping re-analyses of one customer's items.
    ids.push(...(await feedback(100, 40)));
    await outcomes(50, 30);
    await Promise.all([0, 1, 2].map(() => analysis.analyseBatch(ids.filter(() => r.next() < 0.3))));
    await settle(t);
    await compare();

    // An erasure: the customer's items and events leave every figure.
    const [{ id }] = await db.query(
      'SELECT id FROM customers WHERE id IN (SELECT customer_id FROM outcomes) LIMIT 1',
    );
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/customers/${id}`,
      headers: { authorization: `Bearer ${keys.admin}` },
    });
    expect(res.statusCode).toBe(204);
    await compare();
    const [{ remaining }] = await db.query(
      'SELECT COUNT(*) AS remaining FROM customer_figure_states WHERE subject = ?',
      [id],
    );
    expect(Number(remaining)).toBe(0);

    // The rebuild from raw rows lands on the same figures, row for row (rows that fell to zero aside).
    const before = await storedSlices();
    await t.app.get(RollupsService).rebuild();
    await compare();
    expect(await storedSlices()).toEqual(before);
  });

  it('an upgraded database counts from the raw rows until its first rebuild has filled the figures', async () => {
    const repo = t.app.get(CustomerFiguresRepository);
    const freshReader = () => new CustomerFiguresReader(new CustomerFiguresService(repo));
    const periods = periodsOf({ from: new Date(START), to: new Date(START + SPAN), timezone: 'UTC' }, 'week');
    expect(await freshReader().read(periods, {}, 'segment', true)).not.toBeNull();

    // Migrating down past the customer figures and up again, with feedback stored: the marker is set.
    const migrations = db.migrations.map((m) => m.name);
    const after = migrations.length - migrations.findIndex((m) => m?.startsWith('CreateCustomerFigures'));
    for (let i = 0; i < after; i++) await db.undoLastMigration({ transaction: 'each' });
    await db.runMigrations({ transaction: 'each' });
    expect(await repo.backfillPending()).toBe(true);
    expect(await freshReader().read(periods, {}, 'segment', true)).toBeNull();

    await t.app.get(RollupsService).rebuild();
    expect(await repo.backfillPending()).toBe(false);
    expect(await freshReader().read(periods, {}, 'segment', true)).not.toBeNull();
    await compare();
  });

  it('an event whose fold job was lost is counted by the sweeper, once, however often its fold runs', async () => {
    const outbox = t.app.get(OutboxService);
    const sendSoon = outbox.sendSoon.bind(outbox);
    // The process dies between the commit and the queue: the jobs never leave the outbox, which is then lost too.
    outbox.sendSoon = () => undefined;
    let ids: string[];
    try {
      // Events naming the customer erased above are rejected (no id).
      ids = (await outcomes(300, 40)).filter(Boolean);
    } finally {
      outbox.sendSoon = sendSoon;
    }
    await db.query('DELETE FROM outbox');
    const indices = async () => {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/indices?granularity=week&from=2026-09-28&to=2026-11-02',
        headers: { authorization: `Bearer ${keys.admin}` },
      });
      expect(res.statusCode).toBe(200);
      return res.json() as { pendingOutcomes: number };
    };
    // The answer says what it does not count yet.
    expect(ids.length).toBeGreaterThan(30);
    expect((await indices()).pendingOutcomes).toBe(ids.length);

    const sweeper = t.app.get(PendingOutcomeFiguresSweeper);
    expect(await sweeper.sweep(60_000)).toBe(0); // not stale yet
    expect(await sweeper.sweep(0)).toBe(ids.length);
    // A retried or duplicated job adds nothing more.
    const fold = t.app.get(FoldOutcomeFiguresJob);
    await Promise.all([fold.handle({ outcomeIds: ids }), fold.handle({ outcomeIds: ids.slice(0, 10) })]);
    await settle(t);
    expect((await indices()).pendingOutcomes).toBe(0);
    await compare();
  });
});
