import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class CreateSystemPings1732300000001 implements MigrationInterface {
  name = 'CreateSystemPings1732300000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'system_pings',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'requested_at', type: 'datetime' },
          { name: 'requested_by', type: 'varchar', length: '100' },
          { name: 'processed_at', type: 'datetime', isNullable: true },
          { name: 'processed_by', type: 'varchar', length: '100', isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('system_pings');
  }
}
