import { EntityManager } from 'typeorm';

/**
 * Makes a SELECT of existing rows lock them until commit on MySQL (two transactions re-analysing one item must
 * not both subtract the same old figures); SQLite serialises writers, so nothing is needed there.
 */
export function forUpdate(manager: EntityManager): string {
  return manager.connection.options.type === 'better-sqlite3' ? '' : ' FOR UPDATE';
}
