import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/load-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { AppConfig } from '../../src/config/app-config';
import { loadAnalyticsData } from './analytics-load';
import { createBenchDatabase } from './bench-database';

export interface DigestBenchDatabase {
  config: AppConfig;
  items: number;
  /** The newest item's time: the digest is built for its ISO week, the last one loaded. */
  newest: Date;
  note: string;
  done(): Promise<void>;
}

/** A slow query is measured, not cut off at the production bound (10 s). */
const configFor = (databaseUrl: string, identitySecret: string) =>
  loadConfig({}, { databaseUrl, identitySecret, logLevel: 'silent', databaseTimeoutMs: 300_000 });

async function describe(config: AppConfig, migrate = false): Promise<{ items: number; newest: Date }> {
  const ds = await new DataSource(await buildDataSourceOptions(config)).initialize();
  try {
    if (migrate) await ds.runMigrations({ transaction: 'each' }); // a database kept by an older version
    const [row] = await ds.query('SELECT COUNT(*) AS n, MAX(occurred_at) AS newest FROM feedback');
    return { items: Number(row.n), newest: new Date(row.newest) };
  } finally {
    await ds.destroy();
  }
}

/** A database `npm run bench:analytics -- --keep` loaded (bulk demo items, rollups built): migrated, then used as it is. */
export async function existingDatabase(databaseUrl: string): Promise<DigestBenchDatabase> {
  const config = configFor(databaseUrl, randomBytes(24).toString('hex'));
  return { config, ...(await describe(config, true)), note: `existing ${databaseUrl}`, done: async () => {} };
}

/**
 * A fresh database loaded by the bench:analytics loader (the same code, the same demo items and rollups),
 * dropped afterwards unless `keep`.
 */
export async function loadedDatabase(
  serverUrl: string,
  redisUrl: string,
  options: { items: number; weeks: number; keep: boolean },
  log: (line: string) => void,
): Promise<DigestBenchDatabase> {
  const db = await createBenchDatabase(serverUrl, redisUrl);
  const config = configFor(db.databaseUrl, db.identitySecret);
  const ds = await new DataSource(await buildDataSourceOptions(config)).initialize();
  let last = 0;
  try {
    const load = await loadAnalyticsData(
      ds,
      { items: options.items, weeks: options.weeks, seed: 42, start: new Date(Date.UTC(2025, 11, 1)) },
      (n) => {
        if (n - last >= 100_000) log(`loaded ${(last = n)} items`);
      },
    );
    log(`loaded ${load.items} items in ${load.seconds.toFixed(0)} s`);
  } catch (error) {
    await db.drop();
    throw error;
  } finally {
    await ds.destroy();
  }
  return {
    config,
    ...(await describe(config)),
    note: `loaded into ${db.databaseUrl}`,
    done: async () => (options.keep ? log(`kept ${db.databaseUrl}`) : db.drop()),
  };
}
