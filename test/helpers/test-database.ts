import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config/load-config';
import { AppConfig } from '../../src/config/app-config';
import { deleteQueueKeys } from '../../src/core/job-queue/delete-queue-keys';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { TEST_MYSQL_URL, TEST_REDIS_URL, TestTarget } from './test-target';

export interface TestEnvironment {
  config: AppConfig;
  /** Runs all migrations on the fresh database. */
  migrate(): Promise<void>;
  /** Drops the database / deletes the file and the queue's Redis keys. */
  cleanup(): Promise<void>;
}

/** A fresh, uniquely named database (and queue prefix) for one test file. */
export async function createTestEnvironment(
  target: TestTarget,
  overrides: Partial<AppConfig> = {},
): Promise<TestEnvironment> {
  const id = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const queuePrefix = `hearken_test_${id}`;
  let databaseUrl: string;
  let dropDatabase: () => Promise<void>;
  if (target === 'mysql') {
    const name = `hearken_test_${id}`;
    const admin = await createConnection(TEST_MYSQL_URL);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    databaseUrl = `${TEST_MYSQL_URL.replace(/\/$/, '')}/${name}`;
    dropDatabase = async () => {
      const conn = await createConnection(TEST_MYSQL_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'hearken-test-'));
    databaseUrl = `sqlite:${join(dir, 'hearken.sqlite')}`;
    dropDatabase = async () => rmSync(dir, { recursive: true, force: true });
  }
  const config = loadConfig(
    {},
    {
      databaseUrl,
      redisUrl: target === 'mysql' ? TEST_REDIS_URL : undefined,
      identitySecret: target === 'mysql' ? `test-identity-secret-${id}` : undefined,
      queuePrefix,
      logLevel: 'silent',
      // Seconds of loading MJML and ECharts at every boot; the digest specs that build emails turn it on.
      digestWarmup: false,
      // Scans of past days 30 s after their items are analysed would race the specs' own detection runs; the
      // spec of these rescans turns them on.
      anomalyRescanDelayMs: 0,
      ...overrides,
    },
  );
  return {
    config,
    migrate: async () => {
      const ds = await new DataSource(await buildDataSourceOptions(config)).initialize();
      await ds.runMigrations({ transaction: 'each' });
      await ds.destroy();
    },
    cleanup: async () => {
      await dropDatabase();
      if (config.redisUrl) await deleteQueueKeys(config.redisUrl, queuePrefix);
    },
  };
}
