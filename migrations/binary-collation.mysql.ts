import { QueryRunner } from 'typeorm';

/**
 * MySQL/MariaDB only: key columns compared in code must compare in the database the same way, byte for
 * byte. The default `utf8mb4_unicode_ci` makes "AbC", "abc" and "ábc" one key while the code holds three.
 * SQLite needs nothing: its default BINARY collation already compares bytes. `utf8mb4_bin` pads trailing
 * spaces, which cannot matter here: every identifier is trimmed before it is stored.
 */
export interface KeyColumn {
  table: string;
  column: string;
  /** The column's type and nullability as created (kept as is, only the collation changes). */
  type: string;
  nullability: string;
}

export const isMysql = (queryRunner: QueryRunner): boolean =>
  ['mysql', 'mariadb'].includes(queryRunner.connection.options.type);

export async function setCollation(
  queryRunner: QueryRunner,
  columns: KeyColumn[],
  binary: boolean,
): Promise<void> {
  if (!isMysql(queryRunner)) return;
  for (const { table, column, type, nullability } of columns) {
    // Without a COLLATE clause the column takes the table's default again (the state before `up`).
    const collate = binary ? ' CHARACTER SET utf8mb4 COLLATE utf8mb4_bin' : '';
    await queryRunner.query(`ALTER TABLE \`${table}\` MODIFY \`${column}\` ${type}${collate} ${nullability}`);
  }
}
