import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { nullable } from './column-helpers';

export class CreateIntegrations1732500000000 implements MigrationInterface {
  name = 'CreateIntegrations1732500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'integrations',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'source', type: 'varchar', length: '64' },
          nullable('kind', 'varchar', '20'),
          nullable('field_mapping', 'text'),
          nullable('constants', 'text'),
          nullable('items_path', 'varchar', '300'),
          { name: 'secret_encrypted', type: 'varchar', length: '255' },
          nullable('previous_secret_encrypted', 'varchar', '255'),
          nullable('previous_secret_expires_at', 'datetime'),
          nullable('secret_rotated_at', 'datetime'),
          nullable('disabled_at', 'datetime'),
          { name: 'created_at', type: 'datetime' },
          { name: 'updated_at', type: 'datetime' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          { name: 'integration_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'webhook_id', type: 'varchar', length: '255', isPrimary: true },
          nullable('status_code', 'integer'),
          nullable('response_body', 'text'),
          { name: 'received_at', type: 'datetime' },
        ],
        indices: [new TableIndex({ name: 'idx_webhook_deliveries_received', columnNames: ['received_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webhook_deliveries');
    await queryRunner.dropTable('integrations');
  }
}
