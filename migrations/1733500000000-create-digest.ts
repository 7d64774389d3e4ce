import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { nullable } from './column-helpers';

export class CreateDigest1733500000000 implements MigrationInterface {
  name = 'CreateDigest1733500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'digest_subscribers',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'email_encrypted', type: 'varchar', length: '512' },
          { name: 'email_hash', type: 'varchar', length: '64' },
          { name: 'name_encrypted', type: 'varchar', length: '512' },
          { name: 'time_zone', type: 'varchar', length: '64' },
          { name: 'send_day', type: 'integer' },
          { name: 'send_hour', type: 'integer' },
          { name: 'locale', type: 'varchar', length: '35' },
          nullable('slice', 'text'),
          { name: 'created_at', type: 'datetime' },
          { name: 'updated_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_digest_subscribers_email_hash',
            columnNames: ['email_hash'],
            isUnique: true,
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'digest_deliveries',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'subscriber_id', type: 'varchar', length: '36' },
          { name: 'iso_week', type: 'varchar', length: '8' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'triggered_by', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer' },
          nullable('last_error', 'varchar', '500'),
          { ...nullable('claimed_at', 'datetime'), precision: 3 },
          nullable('sent_at', 'datetime'),
          nullable('message_id', 'varchar', '255'),
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({
            name: 'uq_digest_deliveries_subscriber_week',
            columnNames: ['subscriber_id', 'iso_week'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_digest_deliveries_created', columnNames: ['created_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('digest_deliveries');
    await queryRunner.dropTable('digest_subscribers');
  }
}
