import { EntityManager } from 'typeorm';

/**
 * The clause that makes a SELECT inside a transaction read the latest committed rows: on MySQL a locking
 * read (a plain one shows the snapshot of REPEATABLE READ), on SQLite nothing (writers are serialised).
 * Use it only for rows that exist, so that it takes no gap locks.
 */
export function latestCommitted(manager: EntityManager): string {
  return manager.connection.options.type === 'better-sqlite3' ? '' : ' LOCK IN SHARE MODE';
}
