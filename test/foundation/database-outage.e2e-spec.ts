import Database from 'better-sqlite3';
import { createConnection, Connection } from 'mysql2/promise';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/load-config';
import { createPino } from '../../src/core/logging/create-pino';
import { ApiKeysService } from '../../src/modules/api-keys/api-keys.service';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-database';
import { TEST_TARGET } from '../helpers/test-target';
import { TcpProxy } from '../resilience/tcp-proxy';

/** Every database wait is bounded by this in these tests (DATABASE_TIMEOUT_MS). */
const BOUND_MS = 2_000;
/**
 * A request may wait for a connection, then for its own query: a few bounds, never a hang. better-sqlite3
 * waits out busy_timeout synchronously (the event loop stands still meanwhile), and its one connection takes
 * queued writes in turn, so on SQLite a request can wait a few busy_timeouts.
 */
const ANSWER_WITHIN_MS = BOUND_MS * (TEST_TARGET === 'sqlite' ? 6 : 4);

describe(`database outage (${TEST_TARGET})`, () => {
  let env: TestEnvironment;
  let app: NestFastifyApplication;
  let key: string;
  let proxy: TcpProxy | undefined;
  /** Straight to the database, around the proxy: the audit of what was really committed. */
  let direct: {
    ids(): Promise<Set<string>>;
    lock(): Promise<void>;
    unlock(): Promise<void>;
    close(): Promise<void>;
  };

  beforeAll(async () => {
    env = await createTestEnvironment(TEST_TARGET);
    await env.migrate();
    let databaseUrl = env.config.databaseUrl;
    if (TEST_TARGET === 'mysql') {
      const url = new URL(databaseUrl);
      proxy = new TcpProxy(url.hostname, Number(url.port || 3306));
      url.port = String(await proxy.start());
      databaseUrl = url.toString();
    }
    const config = loadConfig({}, { ...env.config, databaseUrl, databaseTimeoutMs: BOUND_MS });
    app = await createHttpApp(config, { pino: createPino('silent') });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    key = (await app.get(ApiKeysService).create('outage', ['admin'])).key;
    direct = TEST_TARGET === 'mysql' ? await mysqlAudit(env.config.databaseUrl) : sqliteAudit(databaseUrl);
  });
  afterAll(async () => {
    proxy?.setMode('forward');
    await app?.close();
    await direct?.close();
    await proxy?.stop();
    await env?.cleanup();
  });

  let n = 0;
  const post = async (headers: Record<string, string> = {}, externalId = `o-${++n}`) => {
    const started = Date.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { authorization: `Bearer ${key}`, ...headers },
      payload: { kind: 'review', source: 'outage', externalId, channel: 'web', text: 'fine' },
    });
    return { status: res.statusCode, ms: Date.now() - started, res };
  };
  const acknowledged: string[] = [];
  const expectUnavailable = (answers: Awaited<ReturnType<typeof post>>[]) => {
    for (const a of answers) {
      expect([a.status, a.res.json().code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
      expect(Number(a.res.headers['retry-after'])).toBeGreaterThan(0);
      expect(a.ms).toBeLessThan(ANSWER_WITHIN_MS);
    }
    return Math.max(...answers.map((a) => a.ms));
  };
  const recover = async () => {
    const started = Date.now();
    for (;;) {
      const a = await post();
      if (a.status === 202) {
        acknowledged.push(a.res.json().id);
        return Date.now() - started;
      }
      expect(a.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(15_000);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  it('answers 202 while the database is up', async () => {
    const a = await post();
    expect(a.status).toBe(202);
    acknowledged.push(a.res.json().id);
  });

  (TEST_TARGET === 'mysql' ? it : it.skip)(
    'answers 503 with Retry-After within the bound when packets are dropped, and recovers by itself',
    async () => {
      proxy!.setMode('blackhole');
      const slowest = expectUnavailable(await Promise.all(Array.from({ length: 30 }, () => post())));
      proxy!.setMode('forward');
      const recoveredIn = await recover();
      console.log(
        `black-holed MySQL: 30 requests, slowest 503 after ${slowest} ms; recovered in ${recoveredIn} ms`,
      );
    },
  );

  (TEST_TARGET === 'mysql' ? it : it.skip)(
    'answers 503 with Retry-After at once when the connection is cut, and recovers by itself',
    async () => {
      proxy!.setMode('cut');
      const slowest = expectUnavailable(await Promise.all(Array.from({ length: 30 }, () => post())));
      proxy!.setMode('forward');
      const recoveredIn = await recover();
      console.log(`cut MySQL: 30 requests, slowest 503 after ${slowest} ms; recovered in ${recoveredIn} ms`);
    },
  );

  it('answers 503, not 409, when claiming a fresh Idempotency-Key fails; the key works once the database does', async () => {
    await direct.lock();
    let answer;
    try {
      answer = await post({ 'idempotency-key': 'fresh-key-1' }, 'o-idem');
    } finally {
      await direct.unlock();
    }
    expectUnavailable([answer]);
    const retry = await post({ 'idempotency-key': 'fresh-key-1' }, 'o-idem');
    expect(retry.status).toBe(202);
    acknowledged.push(retry.res.json().id);
  });

  it('answers 503 while writes are locked out, and a 2xx only for what was committed', async () => {
    await direct.lock();
    let answers;
    try {
      answers = await Promise.all(Array.from({ length: 3 }, () => post()));
    } finally {
      await direct.unlock();
    }
    expectUnavailable(answers);
    await recover();
    const stored = await direct.ids();
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
  });
});

async function mysqlAudit(url: string) {
  const connection: Connection = await createConnection(url);
  return {
    ids: async () => {
      const [rows] = await connection.query(`SELECT id FROM feedback`);
      return new Set((rows as { id: string }[]).map((r) => r.id));
    },
    // A locking read of every row and the gap after them: every insert waits on it (past the bound).
    lock: async () => {
      await connection.query('START TRANSACTION');
      await connection.query('SELECT id FROM idempotency_records FOR UPDATE');
      await connection.query('SELECT id FROM feedback FOR UPDATE');
    },
    unlock: async () => void (await connection.query('ROLLBACK')),
    close: () => connection.end(),
  };
}

function sqliteAudit(databaseUrl: string) {
  const db = new Database(databaseUrl.slice('sqlite:'.length));
  return {
    ids: async () =>
      new Set((db.prepare('SELECT id FROM feedback').all() as { id: string }[]).map((r) => r.id)),
    // Another process holding the write lock: the app's writes get SQLITE_BUSY after busy_timeout.
    lock: async () => void db.exec('BEGIN EXCLUSIVE'),
    unlock: async () => void db.exec('ROLLBACK'),
    close: async () => void db.close(),
  };
}
