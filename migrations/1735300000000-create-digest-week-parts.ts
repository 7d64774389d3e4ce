import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * The digest's costly parts of a week (emerging themes, top NPS driver), computed ahead by the precompute job
 * and shared by every process: one row per part, week window and slice, with the fingerprint of the data it
 * was computed from.
 */
export class CreateDigestWeekParts1735300000000 implements MigrationInterface {
  name = 'CreateDigestWeekParts1735300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'digest_week_parts',
        columns: [
          { name: 'cache_key', type: 'varchar', length: '64', isPrimary: true },
          { name: 'part', type: 'varchar', length: '16' },
          { name: 'week_from', type: 'datetime' },
          { name: 'week_to', type: 'datetime' },
          { name: 'fingerprint', type: 'varchar', length: '64' },
          { name: 'payload', type: 'text' },
          { name: 'computed_at', type: 'datetime', precision: 3 },
        ],
        indices: [new TableIndex({ name: 'idx_digest_week_parts_week_to', columnNames: ['week_to'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('digest_week_parts');
  }
}
