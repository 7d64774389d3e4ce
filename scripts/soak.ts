import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/load-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { generateApiKey } from '../src/modules/api-keys/api-key-secret';
import { buildApiKeyEntity } from '../src/modules/api-keys/api-key.factory';
import { ApiKeyEntity } from '../src/modules/api-keys/entities/api-key.entity';
import { BenchUsageError, checkServerUrls, integerOption } from './bench/bench-args';
import { createBenchDatabase } from './bench/bench-database';
import { startServer } from './bench/server-process';
import { feedbackItem, Outcome, percentile, runOne } from './soak/soak-traffic';
import { metricValue, MinuteRow, minuteTable, processStats } from './soak/soak-samples';
import { soakVerdict } from './soak/soak-verdict';

const HELP = `Usage: npm run test:soak [-- options]

Soak test (not in CI): an API and a worker as separate processes on a fresh MySQL database (dropped at the
end) and Bull on Redis (own queue prefix). Measures the capacity of the request mix (60 % single-item
ingestion, 40 % analyst queries: trends, feedback list, pain points, verbatims) as the whole system sustains
it: the requests 16 concurrent clients complete in --capacity-seconds, divided by that time plus the time the
worker then needs to analyse what they ingested (the API alone answers faster than one worker analyses, so the
API's rate is not a rate the system can keep). Then sends the mix at half the system's capacity for --minutes,
plus a re-analysis of 50 items every 30 s. Prints per
minute: requests, errors, p50/p99, memory, active handles and open file descriptors of both processes, jobs
waiting; then the queue backlog at the end and how long the worker took to empty it, and a verdict: it exits
1 when a request failed, p99 grew (last minute over twice the second minute's and over 100 ms), memory or
handles grew (API or worker RSS up more than 25 % from minute 2, active handles doubled), or the backlog at the
end took more than 30 s to empty.

  --minutes N           minutes of traffic at half capacity (default 10)
  --capacity-seconds N  seconds of the capacity measurement (default 20)
  --database-url URL    MySQL server, without a database (default mysql://root@127.0.0.1:3306)
  --redis-url URL       Redis (default redis://127.0.0.1:6379)
  -h, --help            show this help and do nothing else`;

const LANES = 16;
const REANALYSIS_EVERY_MS = 30_000;

interface SoakArgs {
  minutes: number;
  capacitySeconds: number;
  databaseUrl: string;
  redisUrl: string;
}

function parse(argv: string[]): SoakArgs | undefined {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        minutes: { type: 'string', default: '10' },
        'capacity-seconds': { type: 'string', default: '20' },
        'database-url': { type: 'string', default: 'mysql://root@127.0.0.1:3306' },
        'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  if (values.help) return undefined;
  checkServerUrls(values['database-url']!, values['redis-url']!);
  return {
    minutes: integerOption(values, 'minutes', 1, 24 * 60),
    capacitySeconds: integerOption(values, 'capacity-seconds', 5, 600),
    databaseUrl: values['database-url']!.replace(/\/$/, ''),
    redisUrl: values['redis-url']!,
  };
}

async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  if (!args) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const db = await createBenchDatabase(args.databaseUrl, args.redisUrl);
  const env = {
    DATABASE_URL: db.databaseUrl,
    REDIS_URL: args.redisUrl,
    QUEUE_PREFIX: db.queuePrefix,
    IDENTITY_SECRET: db.identitySecret,
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '10000000',
  };
  const key = await createAdminKey(db.databaseUrl, db.identitySecret);
  const api = await startServer('dist/src/main.js', await freePort(), { ...env, ROLE: 'api' });
  const worker = spawn(process.execPath, [resolve(__dirname, '../src/worker.js')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await seed(api.url, key);
    await drainQueue(api.url, 300_000);
    const capacity = await measureCapacity(api.url, key, args.capacitySeconds);
    const rate = capacity.system / 2;
    log(
      `capacity with ${LANES} clients: API ${capacity.api.toFixed(1)} req/s over ${args.capacitySeconds} s, ` +
        `then ${capacity.drainSeconds.toFixed(0)} s to analyse the ${capacity.backlog} job(s) left: ` +
        `system ${capacity.system.toFixed(1)} req/s; soaking at ${rate.toFixed(1)} req/s for ${args.minutes} min`,
    );
    const rows = await soak(api.url, key, rate, args.minutes, api.child.pid!, worker.pid!);
    const drained = await drainQueue(api.url, 120_000);
    process.stdout.write(`\n${minuteTable(rows)}\n\n`);
    const failed = summarise(rows, capacity, rate, drained);
    if (failed.length) process.exitCode = 1;
  } finally {
    worker.kill('SIGTERM');
    await api.stop();
    await new Promise((done) => (worker.exitCode !== null ? done(null) : worker.once('exit', done)));
    await db.drop();
  }
}

async function createAdminKey(databaseUrl: string, identitySecret: string): Promise<string> {
  const config = loadConfig({}, { databaseUrl, identitySecret, logLevel: 'silent' });
  const dataSource = await new DataSource(await buildDataSourceOptions(config)).initialize();
  const key = generateApiKey();
  await dataSource.getRepository(ApiKeyEntity).insert(buildApiKeyEntity(key, 'soak', ['admin'], null));
  await dataSource.destroy();
  return key;
}

/** Some history for the analyst queries, and the items the periodic re-analysis goes over. */
async function seed(url: string, key: string): Promise<void> {
  for (const [source, count] of [
    ['soak', 1000],
    ['soak-reanalysis', 50],
  ] as const) {
    const items = Array.from({ length: count }, () => feedbackItem(source));
    const res = await fetch(`${url}/api/v1/feedback/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ items }),
    });
    if (res.status !== 202) throw new Error(`seeding answered ${res.status}: ${await res.text()}`);
  }
}

interface Capacity {
  /** Requests/s the API answered over the window. */
  api: number;
  /** Requests/s the whole system sustains: the window's requests over the window plus the analysis they left. */
  system: number;
  backlog: number;
  drainSeconds: number;
}

async function measureCapacity(url: string, key: string, seconds: number): Promise<Capacity> {
  const started = Date.now();
  const until = started + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: LANES }, async () => {
      while (Date.now() < until) if ((await runOne(url, key)).ok) done++;
    }),
  );
  const windowSeconds = (Date.now() - started) / 1000;
  const drained = await drainQueue(url, 600_000);
  if (drained.left)
    throw new Error(`the capacity run's ${drained.backlog} jobs were not analysed in 10 minutes`);
  return {
    api: done / windowSeconds,
    system: done / (windowSeconds + drained.seconds),
    backlog: drained.backlog,
    drainSeconds: drained.seconds,
  };
}

/** Open loop: requests start on schedule whether or not earlier ones have answered. */
async function soak(
  url: string,
  key: string,
  rate: number,
  minutes: number,
  apiPid: number,
  workerPid: number,
): Promise<MinuteRow[]> {
  const start = Date.now();
  const outcomes: Outcome[] = [];
  const running = new Set<Promise<void>>();
  const rows: MinuteRow[] = [];
  let issued = 0;
  let nextReanalysis = start + REANALYSIS_EVERY_MS;
  let nextMinute = start + 60_000;
  while (Date.now() < start + minutes * 60_000) {
    await new Promise((r) => setTimeout(r, 50));
    // From the clock, not the ticks: a late timer under load must not lower the rate.
    for (const due = Math.floor(((Date.now() - start) / 1000) * rate); issued < due; issued++) {
      const request = runOne(url, key).then((o) => void outcomes.push(o));
      running.add(request);
      void request.finally(() => running.delete(request));
    }
    if (Date.now() >= nextReanalysis) {
      nextReanalysis += REANALYSIS_EVERY_MS;
      void reanalyse(url, key);
    }
    if (Date.now() >= nextMinute) {
      nextMinute += 60_000;
      rows.push(await sampleMinute(url, rows.length + 1, start, outcomes, apiPid, workerPid));
      log(minuteTable(rows.slice(-1)).split('\n')[2]);
    }
  }
  await Promise.all(running);
  if (rows.length < minutes)
    rows.push(await sampleMinute(url, rows.length + 1, start, outcomes, apiPid, workerPid));
  return rows;
}

async function reanalyse(url: string, key: string): Promise<void> {
  await fetch(`${url}/api/v1/analysis/reprocess`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ filter: { source: 'soak-reanalysis' } }),
  }).catch(() => undefined);
}

async function sampleMinute(
  url: string,
  minute: number,
  start: number,
  outcomes: Outcome[],
  apiPid: number,
  workerPid: number,
): Promise<MinuteRow> {
  const from = start + (minute - 1) * 60_000;
  const inMinute = outcomes.filter((o) => o.startedAt >= from && o.startedAt < from + 60_000);
  const metrics = await (await fetch(`${url}/metrics`)).text();
  const apiStats = processStats(apiPid);
  const workerStats = processStats(workerPid);
  const ms = inMinute.map((o) => o.ms);
  return {
    minute,
    requests: inMinute.length,
    errors: inMinute.filter((o) => !o.ok).length,
    failures: inMinute.filter((o) => !o.ok).map((o) => `${o.operation} ${o.status}`),
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    apiRssMb: apiStats.rssMb,
    apiHandles: metricValue(metrics, 'hearken_nodejs_active_handles_total') ?? 0,
    apiFds: apiStats.fds,
    workerRssMb: workerStats.rssMb,
    workerFds: workerStats.fds,
    queueWaiting: metricValue(metrics, 'hearken_queue_jobs', '{state="waiting"}') ?? 0,
  };
}

/** Jobs waiting + active once the traffic stops, and how long the worker takes to empty the queue. */
async function drainQueue(
  url: string,
  timeoutMs: number,
): Promise<{ backlog: number; seconds: number; left: number }> {
  const started = Date.now();
  const count = async () => {
    const text = await (await fetch(`${url}/metrics`)).text();
    // Not `delayed`: repeatable (cron) jobs always wait there for their next time.
    return ['waiting', 'active'].reduce(
      (sum, state) => sum + (metricValue(text, 'hearken_queue_jobs', `{state="${state}"}`) ?? 0),
      0,
    );
  };
  const backlog = await count();
  let left = backlog;
  while (left > 0 && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 1000));
    left = await count();
  }
  return { backlog, seconds: (Date.now() - started) / 1000, left };
}

function summarise(
  rows: MinuteRow[],
  capacity: Capacity,
  rate: number,
  drained: { backlog: number; seconds: number; left: number },
): string[] {
  const first = rows[0];
  const last = rows[rows.length - 1];
  const errors = rows.reduce((s, r) => s + r.errors, 0);
  const failures = Object.entries(
    rows
      .flatMap((r) => r.failures)
      .reduce<Record<string, number>>((n, f) => ({ ...n, [f]: (n[f] ?? 0) + 1 }), {}),
  )
    .map(([what, n]) => `${what} ×${n}`)
    .join(', ');
  const requests = rows.reduce((s, r) => s + r.requests, 0);
  const verdict = soakVerdict(rows, drained);
  process.stdout.write(
    [
      `capacity: API ${capacity.api.toFixed(1)} req/s, system (API and analysis) ${capacity.system.toFixed(1)} req/s; soaked at ${rate.toFixed(1)} req/s: ${requests} requests, ${errors} errors${failures ? ` (${failures})` : ''}`,
      `p99 first / last / worst minute: ${first.p99.toFixed(0)} / ${last.p99.toFixed(0)} / ${Math.max(...rows.map((r) => r.p99)).toFixed(0)} ms`,
      `API RSS first → last minute: ${first.apiRssMb} → ${last.apiRssMb} MB; active handles ${first.apiHandles} → ${last.apiHandles}; fds ${first.apiFds} → ${last.apiFds}`,
      `worker RSS first → last minute: ${first.workerRssMb} → ${last.workerRssMb} MB; fds ${first.workerFds} → ${last.workerFds}`,
      `queue backlog when the traffic stopped: ${drained.backlog} job(s); ${drained.left ? `${drained.left} still left after ${drained.seconds.toFixed(0)} s` : `empty after ${drained.seconds.toFixed(0)} s`}`,
      verdict.length
        ? `FAILED: ${verdict.join('; ')}`
        : 'PASSED: no errors, p99 stable, memory and handles flat, no backlog',
      '',
    ].join('\n'),
  );
  return verdict;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function log(line: string): void {
  process.stderr.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof BenchUsageError) {
    process.stderr.write(`${error.message}\n\n${HELP}\n`);
    process.exit(2);
  }
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
