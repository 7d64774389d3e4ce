import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { entitiesFor } from './entity-registry';
import { ALL_MIGRATIONS } from '../../migrations';

/**
 * One place that turns DATABASE_URL into TypeORM options, shared by the app, the CLI and the tests.
 * A mysql:// URL may point at MySQL or MariaDB; TypeORM reads their schemas differently (MariaDB reports
 * `DEFAULT NULL` as a default), so ask the server which one it is.
 */
export async function buildDataSourceOptions(
  config: AppConfig,
  { boundQueries = false }: { boundQueries?: boolean } = {},
): Promise<DataSourceOptions> {
  const common = {
    entities: entitiesFor(config.databaseType),
    migrations: ALL_MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
  } as const;
  if (config.databaseType === 'mysql') {
    return {
      ...common,
      type: (await isMariaDb(config.databaseUrl, config.databaseTimeoutMs)) ? 'mariadb' : 'mysql',
      url: config.databaseUrl.replace(/^mariadb:/, 'mysql:'),
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      dateStrings: false,
      poolSize: 20,
      supportBigNumbers: true,
      // Every wait bounded, so an unreachable or silent database is a quick 503, never a hang: connecting,
      // each query (the app only: migrations may legitimately run long), and the queue for a connection.
      connectTimeout: config.databaseTimeoutMs,
      ...(boundQueries ? { enableQueryTimeout: true, maxQueryExecutionTime: config.databaseTimeoutMs } : {}),
      extra: { queueLimit: 1_000, enableKeepAlive: true, keepAliveInitialDelay: 10_000 },
    };
  }
  const file = resolve(config.databaseUrl.slice('sqlite:'.length));
  mkdirSync(dirname(file), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: file,
    enableWAL: true,
    prepareDatabase: (db: { pragma: (sql: string) => unknown }) => {
      db.pragma(`busy_timeout = ${Math.min(config.databaseTimeoutMs, 5_000)}`);
      // FULL: a commit survives a power cut too, as on MySQL (NORMAL in WAL mode can lose the last ones).
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
    },
  };
}

async function isMariaDb(url: string, connectTimeout: number): Promise<boolean> {
  if (url.startsWith('mariadb://')) return true;
  const { createConnection } = await import('mysql2/promise');
  const connection = await createConnection({ uri: url, connectTimeout });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test((rows as { version: string }[])[0].version);
  } finally {
    await connection.end();
  }
}
