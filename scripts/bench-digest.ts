import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../src/bootstrap';
import { AppConfig } from '../src/config/app-config';
import { loadConfig } from '../src/config/load-config';
import { createPino } from '../src/core/logging/create-pino';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { DigestDeliveryService } from '../src/modules/digest/delivery/digest-delivery.service';
import { DigestSubscribersService } from '../src/modules/digest/digest-subscribers.service';
import { DigestPrecomputeService } from '../src/modules/digest/precompute/digest-precompute.service';
import { DigestWeekPartRepository } from '../src/modules/digest/precompute/digest-week-part.repository';
import { formatIsoWeek, isoWeekAt } from '../src/modules/digest/time/iso-week';
import {
  compareDriverReplicates,
  digestProfile,
  profileBuild,
  timeBuilds,
} from './bench/digest-build-timing';
import { existingDatabase, loadedDatabase } from './bench/digest-mysql';
import { seedFeedback } from './digest-seed';

const HELP = `Usage: npm run bench:digest -- [--items N] [--subscribers N] [--weeks W]
       npm run bench:digest -- --database-url mysql://root@127.0.0.1:3306/hearken_bench_…
       npm run bench:digest -- --mysql mysql://root@127.0.0.1:3306 [--items 1000000] [--weeks 52] [--keep]

SQLite (default): boots Hearken embedded (a fresh SQLite file, the in-process queue) with SMTP_URL pointing at
an SMTP sink on loopback; ingests N synthetic survey answers (default 20000) over the last W weeks (default 52)
through the batch API and waits for their analysis; times one digest build (content, charts, MJML) five
times, profiles one more, and sends last week's digest to N subscribers (default 1000), printing the wall time,
messages per second and the process's resident memory before, at its peak and after.

MySQL: --database-url uses a database already loaded by \`npm run bench:analytics -- --keep\`; --mysql creates
one and bulk-loads it with the same loader (demo items with a stand-in analysis, rollups built), dropped
afterwards unless --keep. Then times and profiles the build of the last loaded week (no sends).

Either way the week's costly parts (emerging themes, top NPS driver) are first computed ahead, as the due check
queues them when a week closes (timed: "precompute job"); the builds then read them. One more build with nothing
precomputed is timed at the end, for comparison.

--cold: boot without DIGEST_WARMUP (the email renderer then loads during the first build), to compare.`;

const mb = (bytes: number) => Math.round(bytes / 1048576);
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      items: { type: 'string' },
      subscribers: { type: 'string', default: '1000' },
      weeks: { type: 'string', default: '52' },
      mysql: { type: 'string' },
      'database-url': { type: 'string' },
      redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
      keep: { type: 'boolean', default: false },
      cold: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return void console.log(HELP);
  const weeks = Number(values.weeks);
  log(
    `machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (values['database-url'] || values.mysql) {
    const db = values['database-url']
      ? await existingDatabase(values['database-url'])
      : await loadedDatabase(
          values.mysql!,
          values.redis!,
          { items: Number(values.items ?? 1_000_000), weeks, keep: values.keep! },
          log,
        );
    db.config.digestWarmup = !values.cold;
    try {
      await withApp(db.config, async (app) => {
        await report(app, formatIsoWeek(isoWeekAt(db.newest, 'UTC')), db.items, `MySQL, ${db.note}`);
      });
    } finally {
      await db.done();
    }
    return;
  }
  await sqliteBench(Number(values.items ?? 20_000), Number(values.subscribers), weeks, !values.cold);
}

async function withApp(config: AppConfig, work: (app: NestFastifyApplication) => Promise<void>) {
  const t0 = performance.now();
  const app = await createHttpApp(config, { pino: createPino('silent') });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  log(
    `app ready in ${(performance.now() - t0).toFixed(0)} ms (DIGEST_WARMUP=${config.digestWarmup}: the email ` +
      `renderer ${config.digestWarmup ? 'warmed during boot' : 'loads on the first build'})`,
  );
  try {
    await work(app);
  } finally {
    await app.close();
  }
}

async function report(
  app: NestFastifyApplication,
  week: string,
  items: number,
  where: string,
): Promise<void> {
  const profile = digestProfile();
  let firstProfile = '';
  // As the due check does when the week closes: the week's costly parts computed ahead (nothing stored before).
  const parts = app.get(DigestWeekPartRepository);
  await parts.clear();
  const t0 = performance.now();
  await app.get(DigestPrecomputeService).precompute({ week, timeZone: 'UTC', slice: null });
  const precomputeMs = performance.now() - t0;
  profile.reset();
  const t = await timeBuilds(app, week, 5, (run) => {
    if (run === 0) firstProfile = profile.table();
  });
  console.log(
    `precompute job for ${week} (emerging themes + top NPS driver, queued when the week closes): ${precomputeMs.toFixed(0)} ms`,
  );
  console.log(
    `one digest for ${week} over ${items.toLocaleString('en')} items (${where}; content + ${t.charts} charts + MJML): ` +
      `first ${t.first.toFixed(0)} ms (content ${t.firstContent.toFixed(0)}, email ${(t.first - t.firstContent).toFixed(0)}), ` +
      `median ${t.median.toFixed(0)} ms (content ${t.medianContent.toFixed(0)}, email ${(t.median - t.medianContent).toFixed(0)}; ` +
      `min ${t.min.toFixed(0)}, max ${t.max.toFixed(0)}); ` +
      `${((t.median / items) * 1000).toFixed(2)} µs per item; load ${loadavg()[0].toFixed(1)}`,
  );
  console.log(`\nfirst build:\n\n${firstProfile}\n`);
  console.log(`\n${await profileBuild(app, week, profile)}`);
  // The same build with nothing computed ahead (a week previewed before its due check ran), for comparison.
  await parts.clear();
  profile.reset();
  const cold = await timeBuilds(app, week, 1);
  console.log(
    `the same digest with nothing precomputed: ${cold.first.toFixed(0)} ms (content ${cold.firstContent.toFixed(0)}, ` +
      `email ${(cold.first - cold.firstContent).toFixed(0)})\n\n${profile.table()}\n`,
  );
  console.log(`${await compareDriverReplicates(app, week)}\n`);
}

async function sqliteBench(
  items: number,
  subscribers: number,
  weeks: number,
  digestWarmup: boolean,
): Promise<void> {
  let received = 0;
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const dir = mkdtempSync(join(tmpdir(), 'hearken-bench-digest-'));
  const config = loadConfig(
    {},
    {
      databaseUrl: `sqlite:${join(dir, 'hearken.sqlite')}`,
      smtpUrl: `smtp://127.0.0.1:${(sink.server.address() as AddressInfo).port}`,
      logLevel: 'silent',
      digestWarmup,
    },
  );
  const ds = await new DataSource(await buildDataSourceOptions(config)).initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  try {
    await withApp(config, async (app) => {
      let t0 = performance.now();
      const lastWeek = await seedFeedback(app, items, weeks);
      console.log(
        `ingested and analysed ${items} items over ${weeks} weeks in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
      const week = formatIsoWeek(lastWeek);
      await report(app, week, items, 'SQLite');
      if (!subscribers) return;
      const people = app.get(DigestSubscribersService);
      for (let i = 0; i < subscribers; i++)
        await people.create({
          email: `reader-${i}@example.com`,
          name: `Reader ${i}`,
          locale: i % 2 ? 'de-DE' : 'en-GB',
        });
      global.gc?.();
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
      t0 = performance.now();
      const targets = (await people.listEntities()).map((s) => ({ subscriberId: s.id, week }));
      await app.get(DigestDeliveryService).queueDeliveries(targets, 'manual');
      while (received < subscribers) {
        if (performance.now() - t0 > 600_000)
          throw new Error(`only ${received} of ${subscribers} after 10 min`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      console.log(
        `${subscribers} digests sent to the SMTP sink in ${seconds.toFixed(1)} s (${(subscribers / seconds).toFixed(0)}/s); ` +
          `RSS ${mb(rssBefore)} MB before, ${mb(peak)} MB peak, ${mb(process.memoryUsage().rss)} MB after`,
      );
    });
  } finally {
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
