import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/load-config';
import { createPino } from '../src/core/logging/create-pino';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { ApiKeysService } from '../src/modules/api-keys/api-keys.service';
import { deleteQueueKeys } from '../src/core/job-queue/delete-queue-keys';
import { loadAnalyticsData, LoadReport } from './bench/analytics-load';
import { analyticsQuestions } from './bench/analytics-questions';
import { BenchDatabase, createBenchDatabase } from './bench/bench-database';

const HELP = `Usage: npm run bench:analytics -- [--items 1000000] [--customers 250000] [--outcomes 500000]
       [--weeks 52] [--runs 100] [--raw-runs 5] [--mysql mysql://root@127.0.0.1:3306]
       [--redis redis://127.0.0.1:6379] [--keep | --reuse mysql://root@127.0.0.1:3306/hearken_bench_…]

Creates a fresh MySQL database, loads --items demo feedback items in bulk (each with a stand-in analysis) of
--customers customers, --outcomes outcome events, their rollups and the customer-level figures of the SAT
indices, then measures p50/p95 of GET /api/v1/indices, /trends and /trends/compare (in-process HTTP) and of a
plain GROUP BY over the raw rows answering the same (or, for the indices, one component's) question, and
prints a table. Drops the database unless --keep (which prints its URL). --reuse measures a kept database
again without loading (same --weeks). --help prints this and does nothing else.`;

const TABLES = ['feedback', 'feedback_analysis', 'feedback_topics', 'rollup_hours', 'rollup_days'];

/** A database kept by an earlier --keep run: measured again, never dropped. */
function reusedDatabase(databaseUrl: string, redisUrl: string): BenchDatabase {
  const queuePrefix = `hearken_bench_reuse_${process.pid}`;
  return {
    databaseUrl,
    queuePrefix,
    identitySecret: randomBytes(24).toString('hex'),
    drop: async () => {
      await deleteQueueKeys(redisUrl, queuePrefix);
    },
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '1000000' },
      customers: { type: 'string', default: '250000' },
      outcomes: { type: 'string', default: '500000' },
      reuse: { type: 'string' },
      weeks: { type: 'string', default: '52' },
      runs: { type: 'string', default: '100' },
      'raw-runs': { type: 'string', default: '5' },
      mysql: { type: 'string', default: 'mysql://root@127.0.0.1:3306' },
      redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const [items, customers, outcomes, weeks, runs, rawRuns] = [
    values.items,
    values.customers,
    values.outcomes,
    values.weeks,
    values.runs,
    values['raw-runs'],
  ].map(Number);
  if (![items, customers, weeks, runs, rawRuns].every((v) => Number.isInteger(v) && v > 0))
    throw new Error('numbers must be positive integers');
  if (!Number.isInteger(outcomes) || outcomes < 0) throw new Error('--outcomes must be an integer >= 0');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  log(
    `machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const db = values.reuse
    ? reusedDatabase(values.reuse, values.redis!)
    : await createBenchDatabase(values.mysql!, values.redis!);
  try {
    const config = loadConfig(
      {},
      {
        databaseUrl: db.databaseUrl,
        redisUrl: values.redis,
        queuePrefix: db.queuePrefix,
        identitySecret: db.identitySecret,
        logLevel: 'silent',
        rateLimitPerMinute: 1_000_000_000,
      },
    );
    const dataSource = await new DataSource(await buildDataSourceOptions(config)).initialize();
    const start = new Date(Date.UTC(2025, 11, 1)); // a Monday
    const bar = new SingleBar(
      { format: 'load {bar} {value}/{total} items | {duration}s' },
      Presets.shades_classic,
    );
    const count = async (t: string) =>
      Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
    let load: LoadReport;
    if (values.reuse) {
      const end = new Date(start.getTime() + weeks * 7 * 86_400_000);
      const [i, c, o] = [await count('feedback'), await count('customers'), await count('outcomes')];
      load = { items: i, customers: c, outcomes: o, seconds: 0, start, end };
    } else {
      bar.start(items, 0);
      const options = { items, weeks, seed: 42, start, customers, outcomes };
      load = await loadAnalyticsData(dataSource, options, (n) => bar.update(n));
      bar.stop();
      for (const t of [...TABLES, 'customers', 'outcomes', 'customer_figure_slices'])
        await dataSource.query(`ANALYZE TABLE ${t}`);
    }
    const sizes = {
      hours: await count('rollup_hours'),
      days: await count('rollup_days'),
      people: await count('customer_figure_slices'),
    };
    log(
      `loaded ${load.items} items, ${load.customers} customers, ${load.outcomes} outcome events in ` +
        `${load.seconds.toFixed(0)} s; rollup rows: ${sizes.days} daily, ${sizes.hours} hourly, ` +
        `${sizes.people} customer-figure slices; load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}`,
    );

    const app = await createHttpApp(config, { pino: createPino('silent') });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const key = (await app.get(ApiKeysService).create('bench', ['read'])).key;
    const rows: string[][] = [];
    try {
      for (const q of analyticsQuestions(load.start, load.end)) {
        const call = async () => {
          const t0 = performance.now();
          const res = await app.inject({
            method: 'GET',
            url: q.url,
            headers: { authorization: `Bearer ${key}` },
          });
          if (res.statusCode !== 200)
            throw new Error(`${q.url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
          return performance.now() - t0;
        };
        for (let i = 0; i < 5; i++) await call();
        const api: number[] = [];
        for (let i = 0; i < runs; i++) api.push(await call());
        const raw: number[] = [];
        for (let i = 0; i < rawRuns; i++) {
          const t0 = performance.now();
          await dataSource.query(q.rawSql, q.rawParams);
          raw.push(performance.now() - t0);
        }
        rows.push([
          q.name,
          pct(api, 50).toFixed(1),
          pct(api, 95).toFixed(1),
          pct(raw, 50).toFixed(0),
          pct(raw, 95).toFixed(0),
          `${(pct(raw, 50) / pct(api, 50)).toFixed(0)}x`,
        ]);
        log(`${q.name}: done`);
      }
    } finally {
      await app.close();
      await dataSource.destroy();
    }
    process.stdout.write(
      `\nbench:analytics — ${load.items.toLocaleString('en')} items, ${load.customers.toLocaleString('en')} ` +
        `customers, ${load.outcomes.toLocaleString('en')} outcome events over ${weeks} weeks on MySQL; ` +
        `rollups ${sizes.days.toLocaleString('en')} daily + ${sizes.hours.toLocaleString('en')} hourly rows; ` +
        `${runs} API runs, ${rawRuns} raw runs per question (ms); load average after ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}\n\n`,
    );
    process.stdout.write(
      [
        '| question | API p50 | API p95 | raw GROUP BY p50 | raw p95 | raw / API (p50) |',
        '|---|---:|---:|---:|---:|---:|',
        ...rows.map((r) => `| ${r.join(' | ')} |`),
        '',
      ].join('\n'),
    );
  } finally {
    if (!values.keep || values.reuse) await db.drop();
    if (values.keep || values.reuse) log(`kept ${db.databaseUrl} (again: --reuse ${db.databaseUrl})`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
