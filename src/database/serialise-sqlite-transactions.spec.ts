import { DataSource } from 'typeorm';
import { serialiseSqliteTransactions } from './serialise-sqlite-transactions';

describe('serialiseSqliteTransactions', () => {
  let dataSource: DataSource;
  const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

  beforeEach(async () => {
    dataSource = await new DataSource({ type: 'better-sqlite3', database: ':memory:' }).initialize();
    await dataSource.query('CREATE TABLE t (v INTEGER)');
    serialiseSqliteTransactions(dataSource);
  });
  afterEach(() => dataSource.destroy());

  it('keeps a committed transaction when a concurrent one rolls back', async () => {
    const events: string[] = [];
    const kept = dataSource.transaction(async (m) => {
      await m.query('INSERT INTO t (v) VALUES (1)');
      await pause();
      events.push('first committed');
    });
    const failed = dataSource
      .transaction(async (m) => {
        events.push('second began');
        await m.query('INSERT INTO t (v) VALUES (2)');
        throw new Error('boom');
      })
      .catch((error: Error) => error.message);
    await kept;
    expect(await failed).toBe('boom');
    expect(events).toEqual(['first committed', 'second began']);
    expect(await dataSource.query('SELECT v FROM t')).toEqual([{ v: 1 }]);
  });

  it('keeps a plain write sent while a transaction is open out of it, and out of its rollback', async () => {
    let seenInside: unknown;
    const rolledBack = dataSource
      .transaction(async (m) => {
        await m.query('INSERT INTO t (v) VALUES (1)');
        await pause();
        throw new Error('boom');
      })
      .catch((error: Error) => error.message);
    await pause();
    const plainRead = dataSource.query('SELECT v FROM t').then((rows) => (seenInside = rows));
    const plainWrite = dataSource.query('INSERT INTO t (v) VALUES (2)');
    expect(await rolledBack).toBe('boom');
    await Promise.all([plainRead, plainWrite]);
    expect(seenInside).toEqual([]);
    expect(await dataSource.query('SELECT v FROM t')).toEqual([{ v: 2 }]);
  });

  it('runs the work of a transaction, also through the data source, inside it at once', async () => {
    await dataSource.transaction(async (m) => {
      await m.query('INSERT INTO t (v) VALUES (1)');
      expect(await dataSource.query('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 1 }]);
    });
  });

  it('still nests a transaction begun through a transaction’s own manager as a savepoint', async () => {
    await dataSource.transaction(async (m) => {
      await m.query('INSERT INTO t (v) VALUES (1)');
      await m.transaction((inner) => inner.query('INSERT INTO t (v) VALUES (2)'));
    });
    expect(await dataSource.query('SELECT v FROM t ORDER BY v')).toEqual([{ v: 1 }, { v: 2 }]);
  });
});
