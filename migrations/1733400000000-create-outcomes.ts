import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';
import { nullable } from './column-helpers';

/** MySQL's default collation folds case and accents: `ABC` and `abc` would be one (source, externalId). */
function binaryOnMysql(runner: QueryRunner, column: TableColumnOptions): TableColumnOptions {
  return runner.connection.options.type === 'better-sqlite3'
    ? column
    : { ...column, charset: 'utf8mb4', collation: 'utf8mb4_bin' };
}

export class CreateOutcomes1733400000000 implements MigrationInterface {
  name = 'CreateOutcomes1733400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'outcomes',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'type', type: 'varchar', length: '16' },
          binaryOnMysql(queryRunner, { name: 'source', type: 'varchar', length: '64' }),
          binaryOnMysql(queryRunner, { name: 'external_id', type: 'varchar', length: '200' }),
          nullable('customer_id', 'varchar', '36'),
          nullable('related_customer_id', 'varchar', '36'),
          nullable('event', 'varchar', '20'),
          nullable('segment', 'varchar', '100'),
          nullable('value', 'double'),
          nullable('currency', 'varchar', '3'),
          nullable('period_start', 'datetime'),
          nullable('period_end', 'datetime'),
          nullable('customers_at_start', 'integer'),
          nullable('retained', 'integer'),
          nullable('churned', 'integer'),
          nullable('flags', 'varchar', '200'),
          nullable('metadata', 'text'),
          { name: 'occurred_at', type: 'datetime' },
          { name: 'received_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({
            name: 'uq_outcomes_source_external',
            columnNames: ['source', 'external_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_outcomes_customer', columnNames: ['customer_id', 'occurred_at'] }),
          new TableIndex({ name: 'idx_outcomes_related', columnNames: ['related_customer_id'] }),
          new TableIndex({ name: 'idx_outcomes_type', columnNames: ['type', 'occurred_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outcomes');
  }
}
