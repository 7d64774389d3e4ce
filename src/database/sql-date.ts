/**
 * Dates in raw SQL as TypeORM stores them: SQLite keeps UTC text `YYYY-MM-DD HH:MM:SS.SSS`; MySQL gets a Date
 * that the driver writes in UTC (`timezone: 'Z'`). Rows read back raw come as that text or as a Date.
 */
export function toSqlDate(databaseType: string, at: Date): Date | string {
  return databaseType === 'better-sqlite3' ? at.toISOString().replace('T', ' ').replace('Z', '') : at;
}

export function fromSqlDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}
