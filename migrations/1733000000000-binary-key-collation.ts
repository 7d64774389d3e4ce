import { MigrationInterface, QueryRunner } from 'typeorm';
import { KeyColumn, setCollation } from './binary-collation.mysql';

/**
 * Identity is exact bytes: every key whose uniqueness the code relies on. Hex hashes (customer identities,
 * idempotency records) and lower-case slugs (sources, topic keys) cannot differ only in case or accents,
 * but hashes are included so no future change can make them; topic keys are left alone (validated as
 * lower-case slugs; changing them would break foreign keys other tables may add).
 */
const KEY_COLUMNS: KeyColumn[] = [
  { table: 'feedback', column: 'source', type: 'varchar(64)', nullability: 'NOT NULL' },
  { table: 'feedback', column: 'external_id', type: 'varchar(200)', nullability: 'NULL DEFAULT NULL' },
  { table: 'webhook_deliveries', column: 'webhook_id', type: 'varchar(255)', nullability: 'NOT NULL' },
  { table: 'customer_identities', column: 'hash', type: 'varchar(64)', nullability: 'NOT NULL' },
  { table: 'erased_identities', column: 'hash', type: 'varchar(64)', nullability: 'NOT NULL' },
  { table: 'idempotency_records', column: 'id', type: 'varchar(64)', nullability: 'NOT NULL' },
];

export class BinaryKeyCollation1733000000000 implements MigrationInterface {
  name = 'BinaryKeyCollation1733000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await setCollation(queryRunner, KEY_COLUMNS, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await setCollation(queryRunner, KEY_COLUMNS, false);
  }
}
