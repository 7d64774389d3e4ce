import { DataSource } from 'typeorm';
import { CreateRollupSliceLevels1733920000000 } from '../../migrations/1733920000000-create-rollup-slice-levels';
import { AnalysisService } from '../../src/modules/analysis/analysis.service';
import { RollupsService } from '../../src/modules/rollups/rollups.service';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { settle } from './settle';
import { differences, expectedRollups, sliceDifferences, storedRollups } from './rollup-expectation';

jest.setTimeout(120_000);

/** mulberry32: the same mix of operations on every run and both databases. */
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
  'Late delivery and a rude driver.',
  'Lovely staff, quick refund, thanks!',
  'The checkout kept failing and my card was declined twice.',
  'App crashes every time I log in, I will cancel my subscription.',
  'How do I change my delivery address?',
  'Great price, fast shipping, but the box arrived damaged.',
];
const CHANNELS = ['web', 'mobile_app', 'email', 'chat', 'phone'] as const;
const STAGES = ['purchase', 'usage', 'support', undefined] as const;
const TOUCHPOINTS = ['checkout', 'delivery', 'login', undefined] as const;

describe(`rollups equal a recomputation from raw rows (${TEST_TARGET})`, () => {
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

  const item = (n: number) => {
    const survey = r.next() < 0.5;
    const customer =
      r.next() < 0.75
        ? { email: `c${Math.floor(r.next() * 6)}@example.com`, segment: r.pick(['smb', 'enterprise']) }
        : undefined;
    const base = {
      source: r.pick(['shop', 'app-store']),
      externalId: `eq-${n}`,
      channel: r.pick(CHANNELS),
      touchpoint: r.pick(TOUCHPOINTS),
      journeyStage: r.pick(STAGES),
      customer,
      occurredAt: new Date(Date.UTC(2026, 9, 1) + Math.floor(r.next() * 75 * 86_400_000)).toISOString(),
    };
    const text = r.next() < 0.8 ? r.pick(TEXTS) : undefined;
    return survey
      ? {
          ...base,
          kind: 'survey_response',
          npsScore: Math.floor(r.next() * 11),
          csat: 1 + Math.floor(r.next() * 5),
          ces: 1 + Math.floor(r.next() * 7),
          text,
        }
      : { ...base, kind: 'review', rating: 1 + Math.floor(r.next() * 5), scale: 5, text: text ?? 'Fine.' };
  };

  const ingest = async (from: number, count: number) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/batch',
      headers: { authorization: `Bearer ${keys.ingest}` },
      payload: { items: Array.from({ length: count }, (_, i) => item(from + i)) },
    });
    expect(res.statusCode).toBe(202);
    return (res.json().results as { id: string }[]).map((x) => x.id);
  };

  const compare = async () => {
    for (const grain of ['hour', 'day'] as const) {
      const expected = await expectedRollups(db, grain);
      expect(differences(expected, await storedRollups(db, grain))).toEqual([]);
      expect(await sliceDifferences(db, grain, expected)).toEqual([]);
    }
  };

  it('after inserts, duplicates, concurrent re-analyses, a taxonomy change, erasures and a deletion', async () => {
    const analysis = t.app.get(AnalysisService);
    const ids = await ingest(0, 60);
    await settle(t);
    await compare();

    // Duplicates (the same externalIds again: nothing moves) and new items, analysed by the queue while
    // overlapping batches re-analyse random items directly.
    ids.push(...(await ingest(50, 30)));
    const slices = [0, 1, 2].map(() => ids.filter(() => r.next() < 0.3));
    await Promise.all(slices.map((s) => analysis.analyseBatch(s)));
    await settle(t);
    await compare();

    // A taxonomy change: a new pipeline version re-analyses everything, and the topics move.
    const topic = await t.app.inject({
      method: 'POST',
      url: '/api/v1/topics',
      headers: { authorization: `Bearer ${keys.admin}` },
      payload: { key: 'card-declined', name: 'Card declined', phrases: ['card was declined', 'declined'] },
    });
    expect(topic.statusCode).toBe(201);
    await settle(t);
    await analysis.analyseBatch(ids.filter(() => r.next() < 0.2));
    await compare();
    const [{ moved }] = await db.query(
      `SELECT COUNT(*) AS moved FROM rollup_hours WHERE topic_key = 'card-declined' AND n > 0`,
    );
    expect(Number(moved)).toBeGreaterThan(0);

    // Erasures: the customers' items leave every figure.
    const customers: { customer_id: string }[] = await db.query(
      'SELECT DISTINCT customer_id FROM feedback WHERE customer_id IS NOT NULL ORDER BY customer_id',
    );
    for (const c of customers.slice(0, 2)) {
      const res = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/customers/${c.customer_id}`,
        headers: { authorization: `Bearer ${keys.admin}` },
      });
      expect(res.statusCode).toBe(204);
    }
    // A deletion (no endpoint yet): whoever deletes raw rows refreshes the item in the same transaction.
    const gone = ids[3];
    await db.transaction(async (m) => {
      await m.query('DELETE FROM feedback_topics WHERE feedback_id = ?', [gone]);
      await m.query('DELETE FROM feedback_analysis WHERE feedback_id = ?', [gone]);
      await m.query('DELETE FROM feedback WHERE id = ?', [gone]);
      await t.app.get(RollupsService).refresh(m, [gone]);
    });
    await compare();

    const expected = await expectedRollups(db, 'day');
    const itemRows = [...expected.entries()].filter(([k]) => k.startsWith('||'));
    const [{ counted }] = await db.query(
      `SELECT COUNT(*) AS counted FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
       WHERE c.erased_at IS NULL`,
    );
    expect(itemRows.reduce((s, [, row]) => s + row.n, 0)).toBe(Number(counted));
    expect(Number(counted)).toBeLessThan(ids.length - 1); // the erased items are really gone

    // The rebuild from raw rows lands on the same figures.
    await t.app.get(RollupsService).rebuild();
    await compare();
  });

  it('the slice-levels migration fills hour, week and month slices equal to the raw rows from older rollups', async () => {
    const migration = new CreateRollupSliceLevels1733920000000();
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const [{ n }] = await db.query('SELECT COUNT(*) AS n FROM rollup_week_slices');
    expect(Number(n)).toBeGreaterThan(0);
    await compare();
  });
});
