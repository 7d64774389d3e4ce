import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager } from 'typeorm';

type Call = (...args: unknown[]) => Promise<unknown>;

/**
 * better-sqlite3 is one connection, and TypeORM hands every caller the same query runner. A transaction begun
 * while another was open became a SAVEPOINT inside it (its commit only released the savepoint, so a 2xx could
 * precede the real commit, and the other's rollback undid it) or failed with "cannot start a transaction within
 * a transaction"; a plain query sent meanwhile joined the open transaction (seeing its uncommitted rows, and
 * rolled back with it).
 *
 * Here the data source's transactions, and every query not sent from inside the open transaction, take turns
 * in arrival order. Work inside a transaction (its manager, savepoints of nested transactions begun through it)
 * runs at once, recognised by the async context the transaction's callback runs in. So a transaction's callback
 * must not begin another top-level transaction (through the data source) and wait for it: it would wait forever.
 */
export function serialiseSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const insideTransaction = new AsyncLocalStorage<symbol>();
  let open: symbol | undefined;
  let previous: Promise<unknown> = Promise.resolve();
  const takeTurn = (work: () => Promise<unknown>): Promise<unknown> => {
    const turn = previous.then(work);
    previous = turn.catch(() => undefined);
    return turn;
  };

  const { manager } = dataSource;
  const begin = manager.transaction.bind(manager) as Call;
  manager.transaction = ((...args: unknown[]) =>
    takeTurn(() => {
      const token = Symbol('sqlite transaction');
      open = token;
      return insideTransaction.run(token, () => begin(...args)).finally(() => (open = undefined));
    })) as EntityManager['transaction'];

  const runner = dataSource.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as Call;
  runner.query = ((...args: unknown[]) =>
    open !== undefined && insideTransaction.getStore() === open
      ? query(...args)
      : takeTurn(() => query(...args))) as typeof runner.query;
}
