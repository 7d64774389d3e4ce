import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/load-config';
import { createPino } from '../src/core/logging/create-pino';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { AnalysisService } from '../src/modules/analysis/analysis.service';
import { ApiKeysService } from '../src/modules/api-keys/api-keys.service';
import { fromSqlDate, toSqlDate } from '../src/database/sql-date';
import { loadAnalyticsData } from './bench/analytics-load';
import { analyticsQuestions } from './bench/analytics-questions';
import { benchTarget } from './bench/bench-target';
import { benchCorrelationsAndDrivers } from './bench/correlations-drivers';

const HELP = `Usage: npm run bench:analytics -- [--items 1000000] [--customers 250000] [--outcomes 500000]
       [--weeks 52] [--runs 100] [--raw-runs 5] [--mysql mysql://root@127.0.0.1:3306] [--redis redis://127.0.0.1:6379] [--keep]
       [--database-url mysql://root@127.0.0.1:3306/db | sqlite:/path/file.sqlite] [--reuse] [--only text,text]

Loads --items demo feedback items in bulk (each with a stand-in analysis) of --customers customers,
--outcomes outcome events, their rollups and the customer-level figures of the SAT indices, then measures
p50/p95 of the analytics endpoints (trends, comparisons, pain points, cross-channel pain points, topic
insights, verbatim search, the SAT indices; in-process HTTP) and of a plain query over the raw rows answering the same question,
then times correlations and key drivers on the last quarter, and prints a table. Questions ask about the weeks
the data covers: the loader stops at --items, which many --customers reach before --weeks ends.

Without --database-url: a fresh MySQL database on --mysql, dropped at the end unless --keep.
--database-url: that database (MySQL, or a SQLite file, created when missing); never dropped.
--reuse: the database already holds the bench data (a kept run): skip loading, migrate and measure only.
--only: ask only the questions whose name contains one of the texts (no correlations and drivers then);
--raw-runs 0 skips the raw queries.
--help prints this and does nothing else.`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const log = (s: string) => process.stderr.write(`${s}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

/** Monday 00:00 UTC of the week of the oldest item (where a kept run's data starts). */
const WEEK_MS = 7 * 86_400_000;

async function dataStart(dataSource: DataSource): Promise<Date> {
  const [{ first }] = await dataSource.query('SELECT MIN(occurred_at) AS first FROM feedback');
  if (!first) throw new Error('--reuse: the database holds no feedback');
  const at = fromSqlDate(first);
  const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
  return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * 86_400_000);
}

/**
 * The Monday after the data's last item: the questions' "now". The loader stops at --items, which a large
 * --customers reaches before --weeks ends (1 M items of 250,000 customers fill 45 of 52 weeks), and questions
 * about empty weeks would time nothing.
 */
async function dataEnd(dataSource: DataSource, start: Date): Promise<Date> {
  const [{ last }] = await dataSource.query('SELECT MAX(occurred_at) AS last FROM feedback');
  const weeks = Math.floor((fromSqlDate(last).getTime() - start.getTime()) / WEEK_MS) + 1;
  return new Date(start.getTime() + weeks * WEEK_MS);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string', default: '1000000' },
      customers: { type: 'string', default: '250000' },
      outcomes: { type: 'string', default: '500000' },
      weeks: { type: 'string', default: '52' },
      runs: { type: 'string', default: '100' },
      'raw-runs': { type: 'string', default: '5' },
      mysql: { type: 'string', default: 'mysql://root@127.0.0.1:3306' },
      redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
      'database-url': { type: 'string' },
      reuse: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      only: { type: 'string' },
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
  if (![items, weeks, runs].every((v) => Number.isInteger(v) && v > 0))
    throw new Error('--items, --weeks and --runs must be positive integers');
  if (!Number.isInteger(customers) || customers < 0) throw new Error('--customers must be an integer >= 0');
  if (!Number.isInteger(rawRuns) || rawRuns < 0) throw new Error('--raw-runs must be an integer >= 0');
  const only = values.only?.split(',').filter(Boolean);
  if (!Number.isInteger(outcomes) || outcomes < 0) throw new Error('--outcomes must be an integer >= 0');
  if (values.reuse && !values['database-url']) throw new Error('--reuse needs --database-url');
  log(`machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, load ${load()}`);
  const db = await benchTarget({
    databaseUrl: values['database-url'],
    mysql: values.mysql!,
    redis: values.redis!,
  });
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
    const sqlite = config.databaseType === 'sqlite';
    const dataSource = await new DataSource(await buildDataSourceOptions(config)).initialize();
    const app = await createHttpApp(config, { pino: createPino('silent') });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      let start = new Date(Date.UTC(2025, 11, 1)); // a Monday
      let loaded = '';
      if (!values.reuse) {
        const bar = new SingleBar(
          { format: 'load {bar} {value}/{total} items | {duration}s' },
          Presets.shades_classic,
        );
        bar.start(items, 0);
        const pipelineVersion = await app.get(AnalysisService).currentVersion();
        const report = await loadAnalyticsData(
          dataSource,
          { items, weeks, seed: 42, start, pipelineVersion, customers, outcomes },
          (n) => bar.update(n),
        );
        bar.stop();
        loaded = `; loaded ${report.customers} customers and ${report.outcomes} outcome events too, in ${report.seconds.toFixed(0)} s`;
      } else start = await dataStart(dataSource);
      const end = await dataEnd(dataSource, start);
      const coveredWeeks = Math.round((end.getTime() - start.getTime()) / WEEK_MS);
      const tables = ['feedback', 'rollup_hours', 'rollup_days', 'rollup_day_slices', 'rollup_hour_slices'];
      tables.push('customer_figure_slices', 'outcomes');
      const more = ['rollup_week_slices', 'rollup_month_slices', 'feedback_analysis', 'feedback_topics'];
      if (sqlite) await dataSource.query('ANALYZE');
      else for (const t of [...tables, ...more]) await dataSource.query(`ANALYZE TABLE ${t}`);
      const sizes: string[] = [];
      for (const t of tables) {
        const [{ n }] = await dataSource.query(`SELECT COUNT(*) AS n FROM ${t}`);
        sizes.push(`${t} ${Number(n).toLocaleString('en')}`);
      }
      log(`rows: ${sizes.join(', ')}${loaded}; load ${load()}`);

      const key = (await app.get(ApiKeysService).create('bench', ['read', 'admin'])).key;
      const rows: string[][] = [];
      const loads: number[] = [];
      const questions = analyticsQuestions(start, end, sqlite ? 'sqlite' : 'mysql').filter(
        (q) => !only || only.some((text) => q.name.includes(text)),
      );
      for (const q of questions) {
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
        const params = q.rawParams.map((p) =>
          p instanceof Date ? toSqlDate(dataSource.options.type, p) : p,
        );
        for (let i = 0; i < rawRuns; i++) {
          const t0 = performance.now();
          await dataSource.query(q.rawSql, params);
          raw.push(performance.now() - t0);
        }
        loads.push(loadavg()[0]);
        rows.push([
          q.name,
          pct(api, 50).toFixed(1),
          pct(api, 95).toFixed(1),
          ...(raw.length
            ? [
                pct(raw, 50).toFixed(0),
                pct(raw, 95).toFixed(0),
                `${(pct(raw, 50) / pct(api, 50)).toFixed(0)}x`,
              ]
            : ['–', '–', '–']),
        ]);
        log(`${q.name}: p50 ${pct(api, 50).toFixed(1)}, p95 ${pct(api, 95).toFixed(1)} ms (load ${load()})`);
      }
      if (!only)
        rows.push(...(await benchCorrelationsAndDrivers(app, key, { end, runs: Math.min(runs, 10) }, log)));
      process.stdout.write(
        `\nbench:analytics — ${sizes[0].replace('feedback ', '')} items over ${coveredWeeks} weeks${coveredWeeks !== weeks ? ` (--weeks ${weeks}: the items ran out first)` : ''} on ${sqlite ? 'SQLite' : 'MySQL'}; ` +
          `rows: ${sizes.slice(1).join(', ')}; ${runs} API runs, ${rawRuns} raw runs per question (ms); ` +
          `1-min load average while measuring ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cpus().length} cores\n\n`,
      );
      process.stdout.write(
        [
          '| question | API p50 | API p95 | raw query p50 | raw p95 | raw / API (p50) |',
          '|---|---:|---:|---:|---:|---:|',
          ...rows.map((r) => `| ${r.join(' | ')} |`),
          '',
        ].join('\n'),
      );
    } finally {
      await app.close();
      await dataSource.destroy();
    }
  } finally {
    if (db.fresh && !values.keep && !values['database-url']) await db.drop();
    else log(`kept ${db.databaseUrl}`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
