import { MigrationInterface, QueryRunner, Table, TableColumnOptions } from 'typeorm';
import { KeyColumn, setCollation } from './binary-collation.mysql';

const key = (name: string, type: string, length?: string): TableColumnOptions => ({
  name,
  type,
  length,
  isPrimary: true,
});
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
const BINARY: KeyColumn[] = [
  { table: 'customer_figure_slices', column: 'value_a', type: 'varchar(100)', nullability: 'NOT NULL' },
  { table: 'customer_figure_slices', column: 'value_b', type: 'varchar(100)', nullability: 'NOT NULL' },
  { table: 'customer_figure_states', column: 'subject', type: 'varchar(36)', nullability: 'NOT NULL' },
];

/**
 * Customer-level figures of the SAT indices, pre-aggregated per day, ISO week and month (see docs/indices.md).
 * Empty at first. On a database that already holds feedback or outcomes the migration leaves a backfill marker
 * (subject '*', grain 'backfill'): until `npm run rollups:rebuild -- --yes` has filled the figures from the existing
 * rows and removed it, the indices count from the raw rows, so an upgrade never shows zeros.
 */
export class CreateCustomerFigures1733930000000 implements MigrationInterface {
  name = 'CreateCustomerFigures1733930000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'customer_figure_slices',
        columns: [
          key('grain', 'varchar', '8'),
          key('dim_a', 'varchar', '16'),
          key('dim_b', 'varchar', '16'),
          key('bucket', 'integer'),
          key('value_a', 'varchar', '100'),
          key('value_b', 'varchar', '100'),
          ...COUNTS.map((name) => ({ name, type: 'integer' })),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'customer_figure_states',
        columns: [
          key('subject', 'varchar', '36'),
          key('grain', 'varchar', '8'),
          key('bucket', 'integer'),
          { name: 'state', type: 'text' },
        ],
      }),
    );
    await setCollation(queryRunner, BINARY, true);
    const existing: unknown[] = await queryRunner.query(
      `SELECT 1 FROM feedback UNION ALL SELECT 1 FROM outcomes LIMIT 1`,
    );
    if (existing.length)
      await queryRunner.query(
        `INSERT INTO customer_figure_states (subject, grain, bucket, state) VALUES ('*', 'backfill', 0, '{}')`,
      );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('customer_figure_states');
    await queryRunner.dropTable('customer_figure_slices');
  }
}
