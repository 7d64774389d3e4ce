import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** The versions of the SAT index weights (version 0, the defaults, lives in code and has no row). */
export class CreateIndexWeights1733800000001 implements MigrationInterface {
  name = 'CreateIndexWeights1733800000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'index_weight_versions',
        columns: [
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'weights', type: 'text' },
          { name: 'created_at', type: 'datetime', precision: 3 },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('index_weight_versions');
  }
}
