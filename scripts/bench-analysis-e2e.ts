import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { BenchUsageError, checkServerUrls, integerOption } from './bench/bench-args';
import { createBenchDatabase } from './bench/bench-database';
import { reviewItem } from './bench/load-scenarios';
import { startServer } from './bench/server-process';

// autocannon ships no types; this is the part of its API used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  o: Record<string, unknown>,
) => Promise<{ '2xx': number; non2xx: number; errors: number; latency: { p99: number } }>;

const HELP = `Usage: npm run bench:analysis:e2e [-- options]

End-to-end analysis latency on MySQL + Bull: one API process (ROLE=api) and worker processes, single feedback
items posted at a fixed rate; for each item, the time from its arrival (received_at, just before the 202) to its
stored analysis (analysed_at). Target: 95 % within 2 s at 1,000 items/s for 60 s.

Options:
  --rate N            items per second posted (default 1000)
  --duration S        seconds of load (default 60)
  --workers N         worker processes (default 1)
  --concurrency N     jobs at once per worker (default 4)
  --connections N     HTTP connections (default 50)
  --database-url URL  MySQL server (default mysql://root@127.0.0.1:3306)
  --redis-url URL     Redis (default redis://127.0.0.1:6379)`;

const REPO_ROOT = resolve(__dirname, '../..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    strict: true,
    options: {
      rate: { type: 'string', default: '1000' },
      duration: { type: 'string', default: '60' },
      workers: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '4' },
      connections: { type: 'string', default: '50' },
      'database-url': { type: 'string', default: 'mysql://root@127.0.0.1:3306' },
      'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void process.stdout.write(`${HELP}\n`);
  const rate = integerOption(values, 'rate', 1, 100_000);
  const duration = integerOption(values, 'duration', 1, 3600);
  const workerCount = integerOption(values, 'workers', 1, 16);
  integerOption(values, 'concurrency', 1, 100);
  integerOption(values, 'connections', 1, 1000);
  const redisUrl = values['redis-url']!;
  checkServerUrls(values['database-url']!, redisUrl);
  const db = await createBenchDatabase(values['database-url']!.replace(/\/$/, ''), redisUrl);
  const adminKey = `bench-admin-${randomBytes(16).toString('hex')}`;
  const env = {
    DATABASE_URL: db.databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: db.queuePrefix,
    IDENTITY_SECRET: db.identitySecret,
    ADMIN_API_KEY: adminKey,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '10000000',
    WORKER_CONCURRENCY: values.concurrency!,
  };
  const workers = Array.from({ length: workerCount }, () =>
    spawn(process.execPath, [resolve(REPO_ROOT, 'dist/src/worker.js')], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    }),
  );
  const api = await startServer('dist/src/main.js', 3900 + Math.floor(Math.random() * 50), {
    ...env,
    ROLE: 'api',
  });
  try {
    process.stderr.write(
      `Posting ${rate} items/s for ${duration} s to ${api.url} (${workers.length} worker(s) × ${values.concurrency} jobs)\n`,
    );
    const load = await autocannon({
      url: `${api.url}/api/v1/feedback`,
      method: 'POST',
      connections: Number(values.connections),
      overallRate: rate,
      duration,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      requests: [
        { setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify(reviewItem()) }) },
      ],
    });
    const conn = await createConnection(db.databaseUrl);
    try {
      const posted = load['2xx'];
      // Stored rows, not 202s counted: requests still in flight when the load stops are stored too.
      const count = async (where: string) => {
        const [rows] = await conn.query(`SELECT COUNT(*) AS n FROM feedback ${where}`);
        return Number((rows as { n: number }[])[0].n);
      };
      let stored = await count('');
      const deadline = Date.now() + 60_000;
      let analysed = 0;
      while (Date.now() < deadline) {
        analysed = await count(`WHERE analysis_status <> 'pending'`);
        // Counted again: requests in flight when the load stopped may have been stored since.
        stored = await count('');
        if (analysed >= stored) break;
        await new Promise((r) => setTimeout(r, 500));
      }
      const [latencies] = await conn.query(
        `SELECT TIMESTAMPDIFF(MICROSECOND, f.received_at, a.analysed_at) / 1000 AS ms
           FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id ORDER BY ms`,
      );
      const ms = (latencies as { ms: string }[]).map((r) => Number(r.ms));
      const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? NaN;
      const within2s = ms.filter((x) => x <= 2000).length / Math.max(1, stored);
      const table = [
        ['items posted (202)', String(posted)],
        ['items stored', String(stored)],
        ['non-2xx / errors', `${load.non2xx} / ${load.errors}`],
        ['HTTP p99 (ms)', String(load.latency.p99)],
        ['items analysed', String(analysed)],
        ['received → analysed p50 (ms)', at(0.5).toFixed(0)],
        ['received → analysed p95 (ms)', at(0.95).toFixed(0)],
        ['received → analysed p99 (ms)', at(0.99).toFixed(0)],
        ['share analysed within 2 s', `${(within2s * 100).toFixed(1)} %  (target ≥ 95 %)`],
      ];
      process.stdout.write(
        `\n| measure (${rate} items/s for ${duration} s) | value |\n|---|---|\n${table.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}\n`,
      );
    } finally {
      await conn.end();
    }
  } finally {
    await api.stop();
    for (const w of workers) w.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 2_000));
    await db.drop();
  }
}

main().catch((error: unknown) => {
  // A wrong option gets one line naming it (exit 2), anything else its stack (exit 1).
  const usage =
    error instanceof BenchUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(
    usage
      ? `bench:analysis:e2e: ${(error as Error).message} (see --help)\n`
      : `${(error as Error).stack ?? String(error)}\n`,
  );
  process.exit(usage ? 2 : 1);
});
