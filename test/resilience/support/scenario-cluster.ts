import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createConnection, Connection } from 'mysql2/promise';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../../src/database/data-source-options';
import { createTestEnvironment, TestEnvironment } from '../../helpers/test-database';
import { freePort, REPO_ROOT, RunningProcess, startProcess, waitForHttp } from '../../helpers/spawn-process';
import { TcpProxy } from '../tcp-proxy';
import { PrivateRedis } from './redis-server';

export interface ClusterOptions {
  /** Put the TCP proxy between the processes and MySQL, so the test can cut the database. */
  mysqlProxy?: boolean;
  /** Extra environment for the API and worker processes. */
  env?: Record<string, string>;
}

/**
 * One resilience scenario's own world: a fresh MySQL database, a private redis-server, optionally a TCP proxy
 * in front of MySQL, and the compiled API and workers (dist/, built by `npm test`) as separate processes.
 * The audit connection goes to MySQL directly, never through the proxy.
 */
export class ScenarioCluster {
  readonly redis = new PrivateRedis();
  proxy?: TcpProxy;
  apiUrl = '';
  apiKey = '';
  db!: Connection;
  private env!: TestEnvironment;
  private base: Record<string, string> = {};
  private api?: RunningProcess;
  readonly workers: RunningProcess[] = [];

  constructor(private readonly options: ClusterOptions = {}) {}

  async start(workerCount = 1): Promise<void> {
    this.env = await createTestEnvironment('mysql');
    await this.redis.start();
    let databaseUrl = this.env.config.databaseUrl;
    if (this.options.mysqlProxy) {
      const mysql = new URL(databaseUrl);
      this.proxy = new TcpProxy(mysql.hostname, Number(mysql.port || 3306));
      mysql.port = String(await this.proxy.start());
      databaseUrl = mysql.toString();
    }
    this.base = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: this.redis.url,
      QUEUE_PREFIX: this.env.config.queuePrefix,
      IDENTITY_SECRET: this.env.config.identitySecret!,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...this.options.env,
    };
    // Set-up goes to MySQL directly: only the scenario's processes sit behind the proxy.
    this.runScript('dist/scripts/migrate.js', ['run']);
    this.apiKey = this.runScript('dist/scripts/create-api-key.js', [
      '--name',
      'scenario',
      '--scopes',
      'admin',
    ]);
    this.db = await createConnection(this.env.config.databaseUrl);
    const port = await freePort();
    this.apiUrl = `http://127.0.0.1:${port}`;
    this.api = startProcess('dist/src/main.js', { ...this.base, ROLE: 'api', PORT: String(port) });
    for (let i = 0; i < workerCount; i++) this.startWorker();
    // Generous: three Node processes boot at once on a CI machine that may be busy with other suites.
    const health = await waitForHttp(`${this.apiUrl}/health`, 90_000).catch((error: Error) => {
      throw new Error(`API did not start: ${error.message}\n${this.api?.output().slice(-2000)}`);
    });
    if (health.status !== 200) throw new Error(`API unhealthy at start: ${await health.text()}`);
  }

  startWorker(): RunningProcess {
    const worker = startProcess('dist/src/worker.js', this.base);
    this.workers.push(worker);
    return worker;
  }

  /** SIGKILL: no shutdown hooks, running jobs are left active in Redis. */
  async killWorker(worker: RunningProcess): Promise<void> {
    worker.child.kill('SIGKILL');
    await worker.exited;
    this.workers.splice(this.workers.indexOf(worker), 1);
  }

  get queuePrefix(): string {
    return this.env.config.queuePrefix;
  }

  /** With RESILIENCE_TRACE set, prints the processes' last log lines (for a scenario that needs a look). */
  traceLogs(): void {
    if (!process.env.RESILIENCE_TRACE) return;
    const named: [string, RunningProcess | undefined][] = [['api', this.api]];
    this.workers.forEach((w, i) => named.push([`worker ${i}`, w]));
    for (const [name, p] of named) process.stderr.write(`--- ${name}\n${p?.output().slice(-6000)}\n`);
  }

  async stop(): Promise<void> {
    for (const p of [this.api, ...this.workers]) p?.child.kill('SIGKILL');
    await Promise.all([this.api, ...this.workers].map((p) => p?.exited));
    await this.db?.end().catch(() => undefined);
    await this.proxy?.stop();
    await this.redis.stop();
    await this.env?.cleanup().catch(() => undefined);
  }

  /** Rows as MySQL has them, read directly (not through the proxy). */
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const [rows] = await this.db.query(sql, params);
    return rows as T[];
  }

  /** A TypeORM data source on the scenario's database (directly, not through the proxy); the caller destroys it. */
  async dataSource(): Promise<DataSource> {
    return new DataSource(await buildDataSourceOptions(this.env.config)).initialize();
  }

  /** Jobs waiting or running in the scenario's Redis. */
  async queuedJobs(): Promise<{ waiting: number; active: number }> {
    const redis = new Redis(this.redis.url);
    try {
      const prefix = `${this.queuePrefix}:jobs`;
      const [waiting, active] = await Promise.all([
        redis.llen(`${prefix}:wait`),
        redis.llen(`${prefix}:active`),
      ]);
      return { waiting, active };
    } finally {
      redis.disconnect();
    }
  }

  private runScript(script: string, args: string[]): string {
    return execFileSync(process.execPath, [join(REPO_ROOT, script), ...args], {
      env: { PATH: process.env.PATH ?? '', ...this.base, DATABASE_URL: this.env.config.databaseUrl },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
      .toString()
      .trim();
  }
}
