/** SQLite: add to an existing row or insert it, in one statement. */
export function sqliteUpsert(
  table: string,
  keyColumns: string[],
  sumColumns: string[],
  rows: number,
): string {
  const columns = [...keyColumns, ...sumColumns];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return (
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ` +
    Array.from({ length: rows }, () => tuple).join(', ') +
    ` ON CONFLICT (${keyColumns.map((c) => `"${c}"`).join(', ')}) DO UPDATE SET ` +
    sumColumns.map((c) => `"${c}" = "${c}" + excluded."${c}"`).join(', ')
  );
}
