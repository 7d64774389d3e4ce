import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-database';
import { TEST_TARGET } from '../helpers/test-target';
import { freePort, REPO_ROOT, RunningProcess, startProcess, waitForHttp } from '../helpers/spawn-process';
import { waitFor } from '../helpers/wait-for';

// These start the compiled app (dist/, built by `npm test`) as real processes, the way a user runs it.
jest.setTimeout(60_000);

const describeEmbedded = TEST_TARGET === 'sqlite' ? describe : describe.skip;
const describeProduction = TEST_TARGET === 'mysql' ? describe : describe.skip;

describeEmbedded('embedded: no environment, no services', () => {
  let dir: string;
  let app: RunningProcess | undefined;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hearken-embedded-'))));
  afterAll(() => {
    app?.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves /health and /docs within 30 s, then stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const started = Date.now();
    app = startProcess('dist/src/main.js', { PORT: String(port), LOG_LEVEL: 'info' }, dir);
    const health = await waitForHttp(`http://127.0.0.1:${port}/health`, 30_000);
    expect(health.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await fetch(`http://127.0.0.1:${port}/docs`)).status).toBe(200);
    // Structured logs: every line is JSON.
    const lines = app.output().trim().split('\n');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const stopAsked = Date.now();
    app.child.kill('SIGTERM');
    expect((await app.exited).code).toBe(0);
    expect(Date.now() - stopAsked).toBeLessThan(10_000);
  });

  it('refuses a bad configuration with one message naming each variable', async () => {
    const bad = startProcess('dist/src/main.js', { ROLE: 'api', PORT: 'x' }, dir);
    expect((await bad.exited).code).toBe(2);
    expect(bad.output()).toMatch(/PORT="x": must be an integer/);
    expect(bad.output()).toMatch(/ROLE=api needs REDIS_URL/);
  });
});

describeProduction('production: API and worker as separate processes on MySQL + Bull', () => {
  let env: TestEnvironment;
  const running: RunningProcess[] = [];
  beforeAll(async () => {
    env = await createTestEnvironment('mysql');
  });
  afterAll(async () => {
    for (const p of running) p.child.kill('SIGKILL');
    await env?.cleanup();
  });

  it('runs a job enqueued by the API on the worker', async () => {
    const base = {
      DATABASE_URL: env.config.databaseUrl,
      REDIS_URL: env.config.redisUrl!,
      QUEUE_PREFIX: env.config.queuePrefix,
      IDENTITY_SECRET: env.config.identitySecret!,
      LOG_LEVEL: 'warn',
    };
    const migrated = execFileSync(process.execPath, [join(REPO_ROOT, 'dist/scripts/migrate.js'), 'run'], {
      env: { ...process.env, ...base },
    });
    expect(migrated.toString()).toMatch(/applied/);
    const key = execFileSync(
      process.execPath,
      [join(REPO_ROOT, 'dist/scripts/create-api-key.js'), '--name', 'ops', '--scopes', 'admin'],
      {
        env: { ...process.env, ...base },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    )
      .toString()
      .trim();
    const port = await freePort();
    const api = startProcess('dist/src/main.js', { ...base, ROLE: 'api', PORT: String(port) });
    const worker = startProcess('dist/src/worker.js', base);
    running.push(api, worker);
    const url = `http://127.0.0.1:${port}`;
    expect((await waitForHttp(`${url}/health`, 30_000)).status).toBe(200);
    const auth = { authorization: `Bearer ${key}` };
    const created = await fetch(`${url}/api/v1/system/pings`, { method: 'POST', headers: auth });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    const ping = await waitFor(async () => {
      const p = (await (await fetch(`${url}/api/v1/system/pings/${id}`, { headers: auth })).json()) as {
        processedBy: string | null;
      };
      return p.processedBy ? p : undefined;
    }, 20_000);
    expect(ping.processedBy).toMatch(/:worker$/);

    for (const p of [api, worker]) p.child.kill('SIGTERM');
    for (const p of [api, worker]) expect((await p.exited).code).toBe(0);
  });
});
