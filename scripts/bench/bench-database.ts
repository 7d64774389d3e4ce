import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { deleteQueueKeys } from '../../src/core/job-queue/delete-queue-keys';
import { loadConfig } from '../../src/config/load-config';
import { buildDataSourceOptions } from '../../src/database/data-source-options';

export interface BenchDatabase {
  databaseUrl: string;
  queuePrefix: string;
  identitySecret: string;
  /** Drops the database and deletes the queue's Redis keys. */
  drop(): Promise<void>;
}

/** A fresh, migrated, uniquely named MySQL database and queue prefix for one bench run. */
export async function createBenchDatabase(serverUrl: string, redisUrl: string): Promise<BenchDatabase> {
  const id = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const name = `hearken_bench_${id}`;
  const admin = await createConnection(serverUrl);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const databaseUrl = `${serverUrl}/${name}`;
  const identitySecret = randomBytes(24).toString('hex');
  const drop = async () => {
    const conn = await createConnection(serverUrl);
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
    await deleteQueueKeys(redisUrl, `hearken_bench_${id}`);
  };
  try {
    const config = loadConfig({}, { databaseUrl, identitySecret, logLevel: 'silent' });
    const dataSource = await new DataSource(await buildDataSourceOptions(config)).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.destroy();
  } catch (error) {
    await drop();
    throw error;
  }
  return { databaseUrl, queuePrefix: `hearken_bench_${id}`, identitySecret, drop };
}
