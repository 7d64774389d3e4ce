import { DataSource } from 'typeorm';

interface PoolConnection {
  query(sql: string, callback: (error: Error | null) => void): void;
}
interface EventedPool {
  on(event: 'connection', listener: (connection: PoolConnection) => void): void;
}

/**
 * MySQL/MariaDB only: a client-side query timeout drops the connection but leaves the statement running
 * on the server, where an INSERT waiting for a lock would still commit after the client was told 503.
 * Bounding the server's own lock wait makes such a statement fail there too.
 */
export function boundMysqlSessions(dataSource: DataSource, timeoutMs: number): void {
  if (!['mysql', 'mariadb'].includes(dataSource.options.type)) return;
  const pool = (dataSource.driver as unknown as { pool?: EventedPool }).pool;
  const seconds = Math.max(1, Math.floor(timeoutMs / 1000) - 1);
  pool?.on('connection', (connection) =>
    connection.query(`SET SESSION innodb_lock_wait_timeout = ${seconds}`, () => undefined),
  );
}
