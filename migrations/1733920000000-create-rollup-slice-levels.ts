import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { monthOfDay, weekOfDay } from '../src/modules/rollups/rollup-calendar';

const key = (name: string, type: string, length?: string): TableColumnOptions => ({
  name,
  type,
  length,
  isPrimary: true,
});
const INTS = [
  'n',
  'sent_n',
  'positive',
  'negative',
  'neutral',
  'mixed',
  'promoters',
  'passives',
  'detractors',
  'csat_n',
  'csat_top',
  'ces_n',
  'rating_n',
];
const DOUBLES = ['sent_sum', 'sent_sq', 'ces_sum', 'ces_sq', 'rating_sum', 'rating_sq'];
const SUMS = [...INTS, 'ces_low', ...DOUBLES];
/** Dimension names (as the code spells them, sorted) and their columns in rollup_hours. */
const DIMS: [string, string][] = [
  ['channel', 'channel'],
  ['journeyStage', 'journey_stage'],
  ['kind', 'kind'],
  ['language', 'language'],
  ['segment', 'segment'],
  ['source', 'source'],
  ['touchpoint', 'touchpoint'],
];
const CALENDAR = 'rollup_slice_calendar_tmp';

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
      ...INTS.map((n) => ({ name: n, type: 'integer' })),
      { name: 'ces_low', type: 'integer', default: 0 },
      ...DOUBLES.map((n) => ({ name: n, type: 'double' })),
    ],
  });

/**
 * More slice levels (see rollup-slices.ts): hourly slices of the total and single dimensions, for the edge
 * hours of non-UTC questions (one range per edge day instead of every combination of all seven dimensions),
 * and ISO-week and month slices with pairs, for the whole weeks and months inside a period. Filled from the
 * existing rollups here (plain SQL both dialects run), so nothing has to be rebuilt.
 */
export class CreateRollupSliceLevels1733920000000 implements MigrationInterface {
  name = 'CreateRollupSliceLevels1733920000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['rollup_hour_slices', 'rollup_week_slices', 'rollup_month_slices'])
      await queryRunner.createTable(sliceTable(table));
    const sums = SUMS.map((s) => `SUM(${s})`).join(', ');
    const slices: [string, string][] = [
      ["''", "''"],
      ...DIMS.map(([d, c]): [string, string] => [`'${d}'`, c]),
    ];
    for (const [dimA, valueA] of slices)
      await queryRunner.query(
        `INSERT INTO rollup_hour_slices (topic_key, signal_type, dim_a, dim_b, bucket, value_a, value_b, ${SUMS.join(', ')})
         SELECT topic_key, signal_type, ${dimA}, '', bucket, ${valueA}, '', ${sums} FROM rollup_hours
         GROUP BY ${['topic_key', 'signal_type', 'bucket', valueA].filter((c) => c !== "''").join(', ')}`,
      );
    await this.fillCoarser(queryRunner);
  }

  /** Weeks and months from the day slices, through a calendar of the days there are (computed here, not in SQL). */
  private async fillCoarser(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: CALENDAR,
        columns: [
          key('day', 'integer'),
          { name: 'week', type: 'integer' },
          { name: 'month', type: 'integer' },
        ],
      }),
    );
    const days: { bucket: number }[] = await queryRunner.query(
      "SELECT DISTINCT bucket FROM rollup_day_slices WHERE dim_a = '' AND dim_b = ''",
    );
    for (let i = 0; i < days.length; i += 500) {
      const chunk = days.slice(i, i + 500).map((d) => Number(d.bucket));
      await queryRunner.query(
        `INSERT INTO ${CALENDAR} (day, week, month) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
        chunk.flatMap((d) => [d, weekOfDay(d), monthOfDay(d)]),
      );
    }
    const s = SUMS.map((c) => `SUM(s.${c})`).join(', ');
    for (const [table, column] of [
      ['rollup_week_slices', 'week'],
      ['rollup_month_slices', 'month'],
    ])
      await queryRunner.query(
        `INSERT INTO ${table} (topic_key, signal_type, dim_a, dim_b, bucket, value_a, value_b, ${SUMS.join(', ')})
         SELECT s.topic_key, s.signal_type, s.dim_a, s.dim_b, c.${column}, s.value_a, s.value_b, ${s}
         FROM rollup_day_slices s JOIN ${CALENDAR} c ON c.day = s.bucket
         GROUP BY s.topic_key, s.signal_type, s.dim_a, s.dim_b, c.${column}, s.value_a, s.value_b`,
      );
    await queryRunner.dropTable(CALENDAR);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['rollup_month_slices', 'rollup_week_slices', 'rollup_hour_slices'])
      await queryRunner.dropTable(table);
  }
}
