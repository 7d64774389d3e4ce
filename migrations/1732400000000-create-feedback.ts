import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { nullable } from './column-helpers';

export class CreateFeedback1732400000000 implements MigrationInterface {
  name = 'CreateFeedback1732400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'customers',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          nullable('segment', 'varchar', '100'),
          nullable('attributes', 'text'),
          { name: 'created_at', type: 'datetime' },
          { name: 'updated_at', type: 'datetime' },
          nullable('erased_at', 'datetime'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'customer_identities',
        columns: [
          { name: 'hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'customer_id', type: 'varchar', length: '36' },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'idx_customer_identities_customer', columnNames: ['customer_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'erased_identities',
        columns: [
          { name: 'hash', type: 'varchar', length: '64', isPrimary: true },
          { name: 'erased_at', type: 'datetime' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'feedback',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '20' },
          { name: 'source', type: 'varchar', length: '64' },
          nullable('external_id', 'varchar', '200'),
          { name: 'channel', type: 'varchar', length: '20' },
          nullable('touchpoint', 'varchar', '100'),
          nullable('journey_stage', 'varchar', '20'),
          nullable('customer_id', 'varchar', '36'),
          nullable('segment', 'varchar', '100'),
          nullable('text', 'text'),
          nullable('language', 'varchar', '8'),
          nullable('redacted_kinds', 'varchar', '64'),
          nullable('rating', 'float'),
          nullable('nps_score', 'integer'),
          nullable('csat', 'float'),
          nullable('ces', 'integer'),
          nullable('details', 'text'),
          { name: 'occurred_at', type: 'datetime' },
          { name: 'received_at', type: 'datetime', precision: 3 },
          { name: 'analysis_status', type: 'varchar', length: '16' },
          nullable('analysis_error', 'varchar', '500'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_feedback_source_external',
            columnNames: ['source', 'external_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_feedback_occurred', columnNames: ['occurred_at'] }),
          new TableIndex({ name: 'idx_feedback_customer', columnNames: ['customer_id'] }),
          new TableIndex({ name: 'idx_feedback_status', columnNames: ['analysis_status', 'received_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'outbox',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'job_name', type: 'varchar', length: '64' },
          { name: 'payload', type: 'text' },
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'idx_outbox_created', columnNames: ['created_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'idempotency_records',
        columns: [
          { name: 'id', type: 'varchar', length: '64', isPrimary: true },
          { name: 'request_hash', type: 'varchar', length: '64' },
          nullable('status_code', 'integer'),
          nullable('response_body', 'text'),
          { name: 'created_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'idx_idempotency_created', columnNames: ['created_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_records',
      'outbox',
      'feedback',
      'erased_identities',
      'customer_identities',
      'customers',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
