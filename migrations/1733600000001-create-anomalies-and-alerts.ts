import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { nullable } from './column-helpers';

export class CreateAnomaliesAndAlerts1733600000001 implements MigrationInterface {
  name = 'CreateAnomaliesAndAlerts1733600000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'anomalies',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '32' },
          { name: 'dimension', type: 'varchar', length: '16' },
          { name: 'dimension_value', type: 'varchar', length: '100' },
          { name: 'span', type: 'varchar', length: '8' },
          { name: 'day', type: 'varchar', length: '10' },
          { name: 'observed', type: 'float' },
          { name: 'expected', type: 'float' },
          { name: 'n', type: 'integer' },
          { name: 'baseline_n', type: 'integer' },
          { name: 'p_value', type: 'float' },
          { name: 'q_value', type: 'float' },
          { name: 'detected_at', type: 'datetime' },
        ],
        indices: [
          new TableIndex({
            name: 'uq_anomalies_series_day',
            columnNames: ['kind', 'dimension', 'dimension_value', 'span', 'day'],
            isUnique: true,
          }),
          new TableIndex({ name: 'idx_anomalies_day', columnNames: ['day'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'alert_subscriptions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'name', type: 'varchar', length: '100' },
          { name: 'url', type: 'varchar', length: '2048' },
          { name: 'secret_encrypted', type: 'text' },
          { name: 'kinds', type: 'text' },
          { name: 'active', type: 'boolean' },
          { name: 'created_at', type: 'datetime' },
          { name: 'updated_at', type: 'datetime' },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'alert_deliveries',
        columns: [
          { name: 'id', type: 'varchar', length: '40', isPrimary: true },
          { name: 'subscription_id', type: 'varchar', length: '36' },
          { name: 'event_type', type: 'varchar', length: '32' },
          nullable('anomaly_id', 'varchar', '36'),
          { name: 'payload', type: 'text' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'attempts', type: 'integer' },
          nullable('last_status_code', 'integer'),
          nullable('last_error', 'varchar', '500'),
          { name: 'created_at', type: 'datetime', precision: 3 },
          { ...nullable('last_attempt_at', 'datetime'), precision: 3 },
          { ...nullable('delivered_at', 'datetime'), precision: 3 },
        ],
        indices: [
          new TableIndex({
            name: 'idx_alert_deliveries_subscription',
            columnNames: ['subscription_id', 'created_at'],
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['alert_deliveries', 'alert_subscriptions', 'anomalies'])
      await queryRunner.dropTable(table);
  }
}
