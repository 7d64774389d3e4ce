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

/**
 * The count of low-effort CES answers (6 or 7 of 7) per rollup row, for the Satisfaction index. Backfilled from
 * the per-item contributions (the facts each item added), so the rows keep matching a rebuild exactly.
 */
export class AddRollupCesLow1733800000000 implements MigrationInterface {
  name = 'AddRollupCesLow1733800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
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
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.dropColumn(table, 'ces_low');
  }
}
