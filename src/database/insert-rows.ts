import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** 500 rows × up to ~60 columns stays under SQLite's 32,766 bound parameters. */
const CHUNK_ROWS = 500;

/**
 * Multi-row INSERT with plain placeholders, on SQLite and MySQL alike. TypeORM's insert builder spends more CPU
 * on named-parameter bookkeeping than the database spends on the rows; values still go through the driver's
 * preparePersistentValue (dates, simple-json), exactly as the builder does.
 * `ignoreDuplicates` skips rows that hit a unique key (INSERT IGNORE / INSERT OR IGNORE).
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: T[],
  options: { ignoreDuplicates?: boolean } = {},
): Promise<void> {
  if (!rows.length) return;
  const { driver } = manager.connection;
  const { columns, tableName } = manager.connection.getMetadata(target);
  const sqlite = driver.options.type === 'better-sqlite3';
  const verb = options.ignoreDuplicates ? (sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE') : 'INSERT';
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
    const chunk = rows.slice(i, i + CHUNK_ROWS);
    const values: unknown[] = [];
    for (const row of chunk) {
      for (const c of columns)
        values.push(driver.preparePersistentValue(c.getEntityValue(row) ?? null, c) ?? null);
    }
    await manager.query(
      `${verb} INTO ${driver.escape(tableName)} (${names}) VALUES ${chunk.map(() => tuple).join(', ')}`,
      values,
    );
  }
}

/** `?, ?, ?` for an IN list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
