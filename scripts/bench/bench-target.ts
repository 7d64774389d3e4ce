import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/load-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { BenchDatabase, createBenchDatabase } from './bench-database';

/**
 * Where bench:analytics runs: a fresh MySQL database (dropped unless kept), or the database a --database-url
 * names (MySQL or a SQLite file; never dropped), migrated to the latest schema either way.
 */
export async function benchTarget(options: {
  databaseUrl?: string;
  mysql: string;
  redis: string;
}): Promise<BenchDatabase & { fresh: boolean }> {
  if (!options.databaseUrl)
    return { ...(await createBenchDatabase(options.mysql, options.redis)), fresh: true };
  const url = options.databaseUrl;
  const fresh = url.startsWith('sqlite:') && !existsSync(url.slice('sqlite:'.length));
  const id = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const identitySecret = randomBytes(24).toString('hex');
  const config = loadConfig({}, { databaseUrl: url, identitySecret, logLevel: 'silent' });
  const dataSource = await new DataSource(await buildDataSourceOptions(config)).initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await dataSource.destroy();
  return {
    databaseUrl: url,
    queuePrefix: `hearken_bench_${id}`,
    identitySecret,
    drop: async () => {},
    fresh,
  };
}
