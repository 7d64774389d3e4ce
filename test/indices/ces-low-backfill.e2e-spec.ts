import { DataSource } from 'typeorm';
import { AddRollupCesLow1733800000000 } from '../../migrations/1733800000000-add-rollup-ces-low';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { differences, expectedRollups, storedRollups } from '../rollups/rollup-expectation';
import { settle } from '../rollups/settle';

jest.setTimeout(60_000);

/** The low-effort CES count added to existing rollups by its migration matches a recomputation from raw rows. */
describe(`ces_low migration backfill (${TEST_TARGET})`, () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('drops and re-adds ces_low on rollups with data, and the backfilled rows equal the expectation', async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      kind: 'survey_response',
      source: 'ces-test',
      externalId: `ces-${i}`,
      channel: ['web', 'email', 'chat'][i % 3],
      touchpoint: ['checkout', 'delivery'][i % 2],
      customer: { externalId: `k${i % 7}`, segment: ['a', 'b'][i % 2] },
      ces: 1 + (i % 7),
      text: i % 4 === 0 ? 'Easy and quick, thanks' : undefined,
      occurredAt: new Date(Date.UTC(2026, 2, 1 + (i % 5), i % 24)).toISOString(),
    }));
    const ingest = await t.keyWith('ingest');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/batch',
      headers: { authorization: `Bearer ${ingest}` },
      payload: { items },
    });
    expect(res.statusCode).toBe(202);
    await settle(t);
    const db = t.app.get(DataSource);
    const runner = db.createQueryRunner();
    const migration = new AddRollupCesLow1733800000000();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const [{ n }] = await db.query(
      "SELECT SUM(ces_low) AS n FROM rollup_days WHERE topic_key = '' AND signal_type = ''",
    );
    expect(Number(n)).toBe(items.filter((i) => i.ces >= 6).length);
    for (const grain of ['hour', 'day'] as const) {
      const expected = await expectedRollups(db, grain);
      expect(differences(expected, await storedRollups(db, grain))).toEqual([]);
    }
  });
});
