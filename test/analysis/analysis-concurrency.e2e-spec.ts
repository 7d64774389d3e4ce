import { DataSource } from 'typeorm';
import { AnalysisService } from '../../src/modules/analysis/analysis.service';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';

jest.setTimeout(60_000);

/**
 * Workers analyse many batches of new items at once. On MySQL, a first analysis deletes rows that do not exist
 * yet; under REPEATABLE READ that gap-locks the end of the results index and concurrent batches inserting there
 * deadlocked (each deadlock: a failed job, retried a second later).
 */
describe(`concurrent analysis batches (${TEST_TARGET})`, () => {
  let t: TestApp;
  let ingest: string;

  beforeAll(async () => {
    t = await createTestApp();
    ingest = await t.keyWith('ingest');
  });
  afterAll(() => t?.close());

  const postBatch = async (round: number, size: number): Promise<string[]> => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/batch',
      headers: { authorization: `Bearer ${ingest}` },
      payload: {
        items: Array.from({ length: size }, (_, n) => ({
          kind: 'review',
          source: 'shop',
          externalId: `concurrency-${round}-${n}`,
          text: n % 2 ? 'Late delivery and a rude driver.' : 'Lovely staff, quick refund, thanks!',
          rating: 1 + (n % 5),
          scale: 5,
        })),
      },
    });
    expect(res.statusCode).toBe(202);
    return (res.json().results as { id: string }[]).map((r) => r.id);
  };

  it('analyses new items in parallel batches without a deadlock, one result per item', async () => {
    const analysis = t.app.get(AnalysisService);
    const ids: string[] = [];
    for (let round = 0; round < 4; round++) {
      const fresh = await postBatch(round, 96);
      ids.push(...fresh);
      const slices = Array.from({ length: 8 }, (_, i) => fresh.filter((_, n) => n % 8 === i));
      const reports = await Promise.all(slices.map((slice) => analysis.analyseBatch(slice)));
      expect(reports.reduce((sum, r) => sum + r.analysed, 0)).toBe(fresh.length);
    }
    const db = t.app.get(DataSource);
    const [{ pending }] = await db.query(
      `SELECT COUNT(*) AS pending FROM feedback WHERE analysis_status <> 'analysed'`,
    );
    expect(Number(pending)).toBe(0);
    const [{ results, distinctItems }] = await db.query(
      'SELECT COUNT(*) AS results, COUNT(DISTINCT feedback_id) AS distinctItems FROM feedback_analysis',
    );
    expect(Number(results)).toBe(ids.length);
    expect(Number(distinctItems)).toBe(ids.length);
  });

  it('analyses overlapping batches (one item in several at once) without a duplicate key, one result per item', async () => {
    const analysis = t.app.get(AnalysisService);
    const ids: string[] = [];
    // New items in three of six concurrent batches: with no results to delete yet, nothing is locked until the
    // inserts, and two batches inserting one item collide on its key unless they take turns.
    for (let round = 0; round < 5; round++) {
      const fresh = await postBatch(20 + round, 60);
      ids.push(...fresh);
      const batches = Array.from({ length: 6 }, (_, b) => fresh.filter((_, n) => (n + b) % 6 < 3));
      const reports = await Promise.all(batches.map((batch) => analysis.analyseBatch(batch)));
      expect(reports.reduce((sum, r) => sum + r.analysed, 0)).toBe(fresh.length * 3);
    }
    const db = t.app.get(DataSource);
    const [{ results, distinctItems }] = await db.query(
      `SELECT COUNT(*) AS results, COUNT(DISTINCT feedback_id) AS distinctItems FROM feedback_analysis
       WHERE feedback_id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    expect(Number(results)).toBe(ids.length);
    expect(Number(distinctItems)).toBe(ids.length);
  });
});
