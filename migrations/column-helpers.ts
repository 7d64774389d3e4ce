import { TableColumnOptions } from 'typeorm';

/**
 * A nullable column whose default is NULL, spelled the way TypeORM reads it back from both SQLite and MariaDB,
 * so the schema-equals-entities check stays clean (entities say `nullable: true, default: null`).
 */
export const nullable = (name: string, type: string, length?: string): TableColumnOptions => ({
  name,
  type,
  length,
  isNullable: true,
  default: null,
});
