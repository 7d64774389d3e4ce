import { DataSource, EntityManager } from 'typeorm';

/**
 * better-sqlite3 is one connection, and TypeORM hands every caller the same query runner. A transaction begun
 * while another was open became a SAVEPOINT inside it (its commit only released the savepoint, so a 2xx could
 * precede the real commit, and the other's rollback undid it) or failed with "cannot start a transaction within
 * a transaction". Here the data source's transactions run one at a time, in arrival order. Nested ones (begun
 * through a transaction's own manager) are untouched, so they still become savepoints.
 */
export function serialiseSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const { manager } = dataSource;
  const begin = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let previous: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    const turn = previous.then(() => begin(...args));
    previous = turn.catch(() => undefined);
    return turn;
  }) as EntityManager['transaction'];
}
