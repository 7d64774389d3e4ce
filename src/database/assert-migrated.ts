import { DataSource } from 'typeorm';

export class PendingMigrationsError extends Error {
  constructor(names: string[]) {
    super(
      `The database has ${names.length} pending migration(s) (${names.join(', ')}). Run \`npm run migration:run\` first.`,
    );
    this.name = 'PendingMigrationsError';
  }
}

/** Refuse to start on a schema older than the code: a clear message beats SQL errors later. */
export async function assertMigrated(dataSource: DataSource): Promise<void> {
  if (!(await dataSource.showMigrations())) return;
  const executed = new Set(
    (await dataSource.query(`SELECT name FROM migrations`)).map((r: { name: string }) => r.name),
  );
  const pending = dataSource.migrations
    .map((m) => m.name ?? m.constructor.name)
    .filter((n) => !executed.has(n));
  throw new PendingMigrationsError(pending);
}
