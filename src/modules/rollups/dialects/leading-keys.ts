/**
 * The distinct values of a rollup key's leading column (topic_key, or signal_type among topic_key = '' rows).
 * MySQL/MariaDB answer DISTINCT on a key prefix with a loose index scan; SQLite scans the whole index for it,
 * so there a recursive CTE seeks from one value to the next (one index lookup per value).
 */
export function leadingKeysSql(type: string, table: string, column: 'topic_key' | 'signal_type'): string {
  const scope = column === 'topic_key' ? '' : "topic_key = '' AND ";
  if (type !== 'better-sqlite3')
    return `SELECT DISTINCT ${column} AS k FROM ${table} WHERE ${scope}${column} <> ''`;
  return `WITH RECURSIVE keys(k) AS (
      SELECT MIN(${column}) FROM ${table} WHERE ${scope}${column} > ''
      UNION ALL SELECT (SELECT MIN(${column}) FROM ${table} WHERE ${scope}${column} > keys.k) FROM keys WHERE keys.k IS NOT NULL
    ) SELECT k FROM keys WHERE k IS NOT NULL`;
}
