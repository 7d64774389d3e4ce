import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** 500 rows × up to ~60 columns stays under SQLite's 32,766 bound parameters. */
const CHUNK_ROWS = 500;

/**
 * Multi-row INSERT with plain placeholders, on SQLite and MySQL alike. TypeORM's insert builder spends more CPU
 * on named-parameter bookkeeping than the database spends on the rows; values still go through the driver's
 * preparePersistentValue (dates, simple-json), exactly as the builder does.
 * `ignoreDuplicates` skips rows that hit a unique key (INSERT IGNORE / INSERT OR IGNORE). Returns how many
 * rows were written, or undefined when the driver does not say.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: T[],
  options: { ignoreDuplicates?: boolean } = {},
): Promise<number | undefined> {
  if (!rows.length) return 0;
  let inserted: number | undefined = 0;
  const { driver } = manager.connection;
  const { columns, tableName } = manager.connection.getMetadata(target);
  const sqlite = driver.options.type === 'better-sqlite3';
  const verb = options.ignoreDuplicates ? (sqlite ? 'INSERT OR IGNORE' : 'INSERT IGNORE') : 'INSERT';
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  // A structured result carries the affected-row count on both drivers.
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
      const chunk = rows.slice(i, i + CHUNK_ROWS);
      const values: unknown[] = [];
      for (const row of chunk) {
        for (const c of columns)
          values.push(driver.preparePersistentValue(c.getEntityValue(row) ?? null, c) ?? null);
      }
      const result = await runner.query(
        `${verb} INTO ${driver.escape(tableName)} (${names}) VALUES ${chunk.map(() => tuple).join(', ')}`,
        values,
        true,
      );
      inserted =
        inserted === undefined || typeof result.affected !== 'number'
          ? undefined
          : inserted + result.affected;
    }
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
  return inserted;
}

/** `?, ?, ?` for an IN list. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}
