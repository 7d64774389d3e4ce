import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { ROLLUP_DIMENSIONS, RollupKey, RollupSums, SUM_FIELDS } from '../src/modules/rollups/rollup-facts';
import { RollupRepository, SUM_COLUMNS } from '../src/modules/rollups/rollup.repository';
import { SliceGrain, sliceDeltas } from '../src/modules/rollups/rollup-slices';

const key = (name: string, type: string, length?: string): TableColumnOptions => ({
  name,
  type,
  length,
  isPrimary: true,
});
const DOUBLES: string[] = ['sentSum', 'sentSq', 'cesSum', 'cesSq', 'ratingSum', 'ratingSq'];
/** Buckets read per query while filling: four weeks of hours or days. */
const PAGE_DAYS = 28;
const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const sliceTable = (name: string) =>
  new Table({
    name,
    columns: [
      key('topic_key', 'varchar', '64'),
      key('signal_type', 'varchar', '20'),
      key('dim_a', 'varchar', '16'),
      key('dim_b', 'varchar', '16'),
      key('bucket', 'integer'),
      key('value_a', 'varchar', '100'),
      key('value_b', 'varchar', '100'),
      ...SUM_FIELDS.map((f, i) =>
        f === 'cesLow'
          ? { name: SUM_COLUMNS[i], type: 'integer', default: 0 }
          : { name: SUM_COLUMNS[i], type: DOUBLES.includes(f) ? 'double' : 'integer' },
      ),
    ],
  });

/**
 * More slice levels (see rollup-slices.ts): hourly slices of the total and single dimensions, for the edge
 * hours of non-UTC questions (one range per edge day instead of every combination of all seven dimensions),
 * and ISO-week and month slices with pairs, for the whole weeks and months inside a period. Filled from the
 * existing hourly and daily rollups with the code the incremental path runs (`sliceDeltas`, upserted by the
 * repository), four weeks of one topic or signal at a time: no rebuild, bounded memory, and no huge
 * GROUP BY (which took minutes per statement at 1 M items on a small buffer pool).
 */
export class CreateRollupSliceLevels1733920000000 implements MigrationInterface {
  name = 'CreateRollupSliceLevels1733920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['rollup_hour_slices', 'rollup_week_slices', 'rollup_month_slices'])
      await queryRunner.createTable(sliceTable(table));
    const repository = new RollupRepository(queryRunner.connection);
    const groups: { topic_key: string; signal_type: string }[] = await queryRunner.query(
      'SELECT DISTINCT topic_key, signal_type FROM rollup_days',
    );
    for (const group of groups)
      for (const [table, perDay, grains] of [
        ['rollup_hours', 24, ['hour']],
        ['rollup_days', 1, ['week', 'month']],
      ] as const) {
        const where = 'topic_key = ? AND signal_type = ?';
        const keys = [group.topic_key, group.signal_type];
        const [{ lo, hi }] = await queryRunner.query(
          `SELECT MIN(bucket) AS lo, MAX(bucket) AS hi FROM ${table} WHERE ${where}`,
          keys,
        );
        for (let from = Number(lo); lo !== null && from <= Number(hi); from += PAGE_DAYS * perDay) {
          const rows: Record<string, string | number>[] = await queryRunner.query(
            `SELECT * FROM ${table} WHERE ${where} AND bucket >= ? AND bucket < ?`,
            [...keys, from, from + PAGE_DAYS * perDay],
          );
          const deltas = perDay === 24 ? sliceDeltas(rows.map(entry), []) : sliceDeltas([], rows.map(entry));
          for (const [grain, slices] of deltas)
            if ((grains as readonly SliceGrain[]).includes(grain))
              await repository.addSlices(queryRunner.manager, grain, slices);
        }
      }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['rollup_month_slices', 'rollup_week_slices', 'rollup_hour_slices'])
      await queryRunner.dropTable(table);
  }
}

function entry(row: Record<string, string | number>): [RollupKey, RollupSums] {
  const key: RollupKey = {
    topicKey: String(row.topic_key),
    signalType: String(row.signal_type),
    bucket: Number(row.bucket),
    dims: Object.fromEntries(ROLLUP_DIMENSIONS.map((d) => [d, String(row[snake(d)])])) as RollupKey['dims'],
  };
  return [key, Object.fromEntries(SUM_FIELDS.map((f) => [f, Number(row[snake(f)])])) as RollupSums];
}
