import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

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
];
const INTS2 = ['csat_n', 'csat_top', 'ces_n', 'rating_n'];
const DOUBLES = ['sent_sum', 'sent_sq', 'ces_sum', 'ces_sq', 'rating_sum', 'rating_sq'];
const SUMS = [...INTS, ...INTS2, ...DOUBLES];
/** Dimension names (as the code spells them, sorted) and their columns in rollup_days. */
const DIMS: [string, string][] = [
  ['channel', 'channel'],
  ['journeyStage', 'journey_stage'],
  ['kind', 'kind'],
  ['language', 'language'],
  ['segment', 'segment'],
  ['source', 'source'],
  ['touchpoint', 'touchpoint'],
];

export class CreateRollupDaySlices1733300000001 implements MigrationInterface {
  name = 'CreateRollupDaySlices1733300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'rollup_day_slices',
        columns: [
          key('topic_key', 'varchar', '64'),
          key('signal_type', 'varchar', '20'),
          key('dim_a', 'varchar', '16'),
          key('dim_b', 'varchar', '16'),
          key('bucket', 'integer'),
          key('value_a', 'varchar', '100'),
          key('value_b', 'varchar', '100'),
          ...[...INTS, ...INTS2].map((name) => ({ name, type: 'integer' })),
          ...DOUBLES.map((name) => ({ name, type: 'double' })),
        ],
      }),
    );
    // Existing daily rollups are sliced here, so nothing has to be rebuilt (plain SQL both dialects run).
    const slices: [string, string, string, string][] = [["''", "''", "''", "''"]];
    DIMS.forEach(([a, colA], i) => {
      slices.push([`'${a}'`, "''", colA, "''"]);
      for (const [b, colB] of DIMS.slice(i + 1)) slices.push([`'${a}'`, `'${b}'`, colA, colB]);
    });
    const sums = SUMS.map((s) => `SUM(${s})`).join(', ');
    for (const [dimA, dimB, valueA, valueB] of slices)
      await queryRunner.query(
        `INSERT INTO rollup_day_slices (topic_key, signal_type, dim_a, dim_b, bucket, value_a, value_b, ${SUMS.join(', ')})
         SELECT topic_key, signal_type, ${dimA}, ${dimB}, bucket, ${valueA}, ${valueB}, ${sums} FROM rollup_days
         GROUP BY ${['topic_key', 'signal_type', 'bucket', valueA, valueB].filter((c) => c !== "''").join(', ')}`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rollup_day_slices');
  }
}
