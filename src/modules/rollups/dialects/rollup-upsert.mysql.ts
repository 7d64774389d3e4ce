/** MySQL / MariaDB: add to an existing row or insert it, in one statement. */
export function mysqlUpsert(table: string, keyColumns: string[], sumColumns: string[], rows: number): string {
  const columns = [...keyColumns, ...sumColumns];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return (
    `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ` +
    Array.from({ length: rows }, () => tuple).join(', ') +
    ` ON DUPLICATE KEY UPDATE ${sumColumns.map((c) => `\`${c}\` = \`${c}\` + VALUES(\`${c}\`)`).join(', ')}`
  );
}
