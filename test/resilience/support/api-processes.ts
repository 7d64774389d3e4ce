import { DataSource } from 'typeorm';
import { AppConfig } from '../../../src/config/app-config';
import { buildDataSourceOptions } from '../../../src/database/data-source-options';
import { generateApiKey } from '../../../src/modules/api-keys/api-key-secret';
import { buildApiKeyEntity } from '../../../src/modules/api-keys/api-key.factory';
import { ApiKeyEntity, ApiKeyScope } from '../../../src/modules/api-keys/entities/api-key.entity';
import { freePort, RunningProcess, startProcess, waitForHttp } from '../../helpers/spawn-process';
import { createTestEnvironment, TestEnvironment } from '../../helpers/test-database';

export interface ApiProcess extends RunningProcess {
  url: string;
}

/**
 * A fresh MySQL database (migrated) and queue prefix, with compiled API and worker processes started on it the
 * way production runs them. `redisUrl` points the processes at another Redis (a PrivateRedis the test may kill).
 */
export class ProcessStack {
  readonly started: RunningProcess[] = [];
  private database?: DataSource;

  private constructor(
    readonly env: TestEnvironment,
    readonly vars: Record<string, string>,
  ) {}

  static async create(overrides: Partial<AppConfig> = {}): Promise<ProcessStack> {
    const env = await createTestEnvironment('mysql', overrides);
    await env.migrate();
    const { config } = env;
    return new ProcessStack(env, {
      DATABASE_URL: config.databaseUrl,
      REDIS_URL: config.redisUrl!,
      QUEUE_PREFIX: config.queuePrefix,
      IDENTITY_SECRET: config.identitySecret!,
      RATE_LIMIT_PER_MINUTE: String(config.rateLimitPerMinute),
      AUTH_FAILURES_PER_MINUTE: String(config.authFailuresPerMinute),
      LOG_LEVEL: 'info',
    });
  }

  /** The test's own connection to the stack's database, for audits. */
  async dataSource(): Promise<DataSource> {
    this.database ??= await new DataSource(await buildDataSourceOptions(this.env.config)).initialize();
    return this.database;
  }

  async keyWith(...scopes: ApiKeyScope[]): Promise<string> {
    const key = generateApiKey();
    await (
      await this.dataSource()
    )
      .getRepository(ApiKeyEntity)
      .insert(buildApiKeyEntity(key, `resilience-${scopes.join('-')}`, scopes, null));
    return key;
  }

  /** Starts `dist/src/main.js` with ROLE=api and waits for /health. */
  async startApi(extra: Record<string, string> = {}): Promise<ApiProcess> {
    const port = await freePort();
    const api = startProcess('dist/src/main.js', { ...this.vars, ROLE: 'api', PORT: String(port), ...extra });
    this.started.push(api);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/health`, 30_000);
    return { ...api, url };
  }

  startWorker(extra: Record<string, string> = {}): RunningProcess {
    const worker = startProcess('dist/src/worker.js', { ...this.vars, ...extra });
    this.started.push(worker);
    return worker;
  }

  /** Every line any started process wrote (stdout and stderr). */
  logs(): string {
    return this.started.map((p) => p.output()).join('\n');
  }

  async close(): Promise<void> {
    for (const p of this.started) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all(this.started.map((p) => p.exited));
    await this.database?.destroy();
    await this.env.cleanup();
  }
}
