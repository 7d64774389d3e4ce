import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/load-config';
import { createPino } from '../src/core/logging/create-pino';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { ApiKeysService } from '../src/modules/api-keys/api-keys.service';
import { loadAnalyticsData } from './bench/analytics-load';
import { analyticsQuestions } from './bench/analytics-questions';
import { benchCorrelationsAndDrivers } from './bench/correlations-drivers';
import { createBenchDatabase } from './bench/bench-database';

const HELP = `Usage: npm run bench:analytics -- [--items 1000000] [--weeks 52] [--runs 100] [--raw-runs 5]
       [--mysql mysql://root@127.0.0.1:3306] [--redis redis://127.0.0.1:6379] [--keep]

Creates a fresh MySQL database, loads --items demo feedback items in bulk (each with a stand-in analysis)
and their rollups, then measures p50/p95 of GET /api/v1/trends and /trends/compare (in-process HTTP) and of a
plain GROUP BY over the raw rows answering the same question; then gives the items items/4 customers, adds
items/2 outcome events and times correlations and drivers on the last quarter; prints a table. Drops the database unless
--keep. --help prints this and does nothing else.`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '1000000' },
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
  const [items, weeks, runs, rawRuns] = [values.items, values.weeks, values.runs, values['raw-runs']].map(
    Number,
  );
  if (![items, weeks, runs, rawRuns].every((v) => Number.isInteger(v) && v > 0))
    throw new Error('numbers must be positive integers');
  const log = (s: string) => process.stderr.write(`${s}\n`);
  log(
    `machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const db = await createBenchDatabase(values.mysql!, values.redis!);
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
    bar.start(items, 0);
    const load = await loadAnalyticsData(dataSource, { items, weeks, seed: 42, start }, (n) => bar.update(n));
    bar.stop();
    for (const t of ['feedback', 'feedback_analysis', 'feedback_topics', 'rollup_hours', 'rollup_days'])
      await dataSource.query(`ANALYZE TABLE ${t}`);
    const count = async (t: string) =>
      Number((await dataSource.query(`SELECT COUNT(*) AS n FROM ${t}`))[0].n);
    const sizes = { hours: await count('rollup_hours'), days: await count('rollup_days') };
    log(
      `loaded ${load.items} items in ${load.seconds.toFixed(0)} s; rollup rows: ${sizes.days} daily, ${sizes.hours} hourly`,
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
      const customers = Math.round(items / 4);
      rows.push(
        ...(await benchCorrelationsAndDrivers(
          dataSource,
          app,
          key,
          {
            start: load.start,
            end: load.end,
            customers,
            outcomes: Math.floor(items / 2),
            runs: Math.min(runs, 10),
          },
          log,
        )),
      );
    } finally {
      await app.close();
      await dataSource.destroy();
    }
    process.stdout.write(
      `\nbench:analytics — ${load.items.toLocaleString('en')} items over ${weeks} weeks on MySQL; ` +
        `rollups ${sizes.days.toLocaleString('en')} daily + ${sizes.hours.toLocaleString('en')} hourly rows; ` +
        `${runs} API runs, ${rawRuns} raw runs per question (ms)\n\n`,
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
    if (!values.keep) await db.drop();
    else log(`kept ${db.databaseUrl}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
