import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A subject's customer-figure state (one JSON per customer, grain and bucket) grows with every item and outcome
 * event of that customer in the bucket. MySQL's TEXT holds 64 KB, about 400 events: past that, every further event of
 * the customer in that month failed its whole request (500). LONGTEXT holds 4 GB. SQLite's TEXT has no such bound.
 */
export class WidenCustomerFigureState1734900000000 implements MigrationInterface {
  name = 'WidenCustomerFigureState1734900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') return;
    await queryRunner.query('ALTER TABLE customer_figure_states MODIFY state LONGTEXT NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'better-sqlite3') return;
    await queryRunner.query('ALTER TABLE customer_figure_states MODIFY state TEXT NOT NULL');
  }
}
