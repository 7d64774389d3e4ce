import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import {
  CES_LOW_EFFORT,
  HOURS_PER_DAY,
  RollupFacts,
  RollupKey,
  rowsOf,
} from '../src/modules/rollups/rollup-facts';

const TABLES = ['rollup_hours', 'rollup_days'] as const;
const DIMENSION_COLUMNS: [keyof RollupKey['dims'], string][] = [
  ['kind', 'kind'],
  ['source', 'source'],
  ['channel', 'channel'],
  ['touchpoint', 'touchpoint'],
  ['journeyStage', 'journey_stage'],
  ['segment', 'segment'],
  ['language', 'language'],
];
const PAGE = 2000;
/** Slice dimensions (as rollup_day_slices spells them) and their rollup_days columns. */
const SLICE_DIMS: [string, string][] = [
  ['channel', 'channel'],
  ['journeyStage', 'journey_stage'],
  ['kind', 'kind'],
  ['language', 'language'],
  ['segment', 'segment'],
  ['source', 'source'],
  ['touchpoint', 'touchpoint'],
];

/**
 * The count of low-effort CES answers (6 or 7 of 7) per rollup row, for the Satisfaction index. Backfilled from
 * the per-item contributions (the facts each item added), so the rows keep matching a rebuild exactly.
 */
export class AddRollupCesLow1733800000000 implements MigrationInterface {
  name = 'AddRollupCesLow1733800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // rollup_day_slices comes with another branch's migration: covered when it is there.
    const slices = (await queryRunner.hasTable('rollup_day_slices')) ? ['rollup_day_slices'] : [];
    for (const table of [...TABLES, ...slices])
      await queryRunner.addColumn(
        table,
        new TableColumn({ name: 'ces_low', type: 'integer', default: 0, isNullable: false }),
      );
    const counts = [new Map<string, [RollupKey, number]>(), new Map<string, [RollupKey, number]>()];
    let after = '';
    for (;;) {
      const rows: { feedback_id: string; facts: string }[] = await queryRunner.query(
        `SELECT feedback_id, facts FROM rollup_contributions WHERE feedback_id > ? ORDER BY feedback_id LIMIT ${PAGE}`,
        [after],
      );
      if (!rows.length) break;
      after = rows[rows.length - 1].feedback_id;
      for (const row of rows) {
        const facts = JSON.parse(row.facts) as RollupFacts;
        if (facts.ces === null || facts.ces < CES_LOW_EFFORT) continue;
        const buckets = [facts.hour, Math.floor(facts.hour / HOURS_PER_DAY)];
        buckets.forEach((bucket, grain) => {
          for (const [key] of rowsOf(facts, bucket, 1)) {
            const id = JSON.stringify(key);
            const seen = counts[grain].get(id);
            counts[grain].set(id, [key, (seen?.[1] ?? 0) + 1]);
          }
        });
      }
    }
    for (const [grain, table] of TABLES.entries())
      for (const [key, count] of counts[grain].values())
        await queryRunner.query(
          `UPDATE ${table} SET ces_low = ? WHERE topic_key = ? AND signal_type = ? AND bucket = ? AND ${DIMENSION_COLUMNS.map(([, c]) => `${c} = ?`).join(' AND ')}`,
          [count, key.topicKey, key.signalType, key.bucket, ...DIMENSION_COLUMNS.map(([d]) => key.dims[d])],
        );
    if (slices.length) await this.backfillSlices(queryRunner);
  }

  /** Each day slice is the sum of the daily rows with its values (plain SQL both dialects run). */
  private async backfillSlices(queryRunner: QueryRunner): Promise<void> {
    const slices: [string, string, string | null, string | null][] = [['', '', null, null]];
    SLICE_DIMS.forEach(([a, colA], i) => {
      slices.push([a, '', colA, null]);
      for (const [b, colB] of SLICE_DIMS.slice(i + 1)) slices.push([a, b, colA, colB]);
    });
    for (const [dimA, dimB, colA, colB] of slices) {
      const match = [
        'd.topic_key = s.topic_key',
        'd.signal_type = s.signal_type',
        'd.bucket = s.bucket',
        ...(colA ? [`d.${colA} = s.value_a`] : []),
        ...(colB ? [`d.${colB} = s.value_b`] : []),
      ].join(' AND ');
      await queryRunner.query(
        `UPDATE rollup_day_slices AS s SET ces_low = COALESCE((SELECT SUM(d.ces_low) FROM rollup_days d WHERE ${match}), 0)
         WHERE s.dim_a = ? AND s.dim_b = ?`,
        [dimA, dimB],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const slices = (await queryRunner.hasTable('rollup_day_slices')) ? ['rollup_day_slices'] : [];
    for (const table of [...TABLES, ...slices]) await queryRunner.dropColumn(table, 'ces_low');
  }
}
