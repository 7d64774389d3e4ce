import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Outcome events stored but not yet added to the customer-level figures: ingestion writes one row per new event in
 * its own transaction, the fold job adds the event to the figures and deletes the row in one transaction, so an
 * event is counted exactly once however often its job runs. `received_at` lets the sweeper find rows whose job
 * was lost.
 */
export class CreateOutcomeFiguresPending1735400000000 implements MigrationInterface {
  name = 'CreateOutcomeFiguresPending1735400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'outcome_figures_pending',
        columns: [
          { name: 'outcome_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'received_at', type: 'datetime', precision: 3 },
        ],
        indices: [
          new TableIndex({ name: 'idx_outcome_figures_pending_received', columnNames: ['received_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outcome_figures_pending');
  }
}
