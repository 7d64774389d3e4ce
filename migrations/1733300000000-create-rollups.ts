import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';

const key = (name: string, type: string, length?: string): TableColumnOptions => ({
  name,
  type,
  length,
  isPrimary: true,
});

/** Topic and signal lead the key so item rows (both '') of a time range are one contiguous range. */
const rollupColumns: TableColumnOptions[] = [
  key('topic_key', 'varchar', '64'),
  key('signal_type', 'varchar', '20'),
  key('bucket', 'integer'),
  key('kind', 'varchar', '20'),
  key('source', 'varchar', '64'),
  key('channel', 'varchar', '20'),
  key('touchpoint', 'varchar', '100'),
  key('journey_stage', 'varchar', '20'),
  key('segment', 'varchar', '100'),
  key('language', 'varchar', '8'),
  ...[
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
  ].map((name) => ({ name, type: 'integer' })),
  ...['sent_sum', 'sent_sq', 'ces_sum', 'ces_sq', 'rating_sum', 'rating_sq'].map((name) => ({
    name,
    type: 'double',
  })),
];

export class CreateRollups1733300000000 implements MigrationInterface {
  name = 'CreateRollups1733300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(new Table({ name: 'rollup_hours', columns: rollupColumns }));
    await queryRunner.createTable(new Table({ name: 'rollup_days', columns: rollupColumns }));
    await queryRunner.createTable(
      new Table({
        name: 'rollup_contributions',
        columns: [key('feedback_id', 'varchar', '36'), { name: 'facts', type: 'text' }],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('rollup_contributions');
    await queryRunner.dropTable('rollup_days');
    await queryRunner.dropTable('rollup_hours');
  }
}
