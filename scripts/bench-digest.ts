import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/load-config';
import { createPino } from '../src/core/logging/create-pino';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { seedFeedback } from './digest-seed';
import { DigestDeliveryService } from '../src/modules/digest/delivery/digest-delivery.service';
import { DigestService } from '../src/modules/digest/digest.service';
import { DigestSubscribersService } from '../src/modules/digest/digest-subscribers.service';
import { formatIsoWeek } from '../src/modules/digest/time/iso-week';

const HELP = `Usage: npm run bench:digest -- [--items N] [--subscribers N] [--weeks W]

Boots Hearken embedded (a fresh SQLite file, the in-process queue) with SMTP_URL pointing at an SMTP sink on
loopback; ingests N synthetic survey answers (default 20000) over the last W weeks (default 52) through the
batch API and waits for their analysis; then times one digest build (content from the query layer, charts,
MJML) five times, and sends last week's digest to N subscribers (default 1000), printing the wall time,
messages per second and the process's resident memory before, at its peak and after.`;

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const mb = (bytes: number) => Math.round(bytes / 1048576);

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(HELP);
  const [items, subscribers, weeks] = [arg('items', 20_000), arg('subscribers', 1_000), arg('weeks', 52)];
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
    },
  );
  const ds = await new DataSource(await buildDataSourceOptions(config)).initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  const app = await createHttpApp(config, { pino: createPino('silent') });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  try {
    let t0 = performance.now();
    const lastWeek = await seedFeedback(app, items, weeks);
    console.log(
      `ingested and analysed ${items} items over ${weeks} weeks in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const week = formatIsoWeek(lastWeek);
    const digests = app.get(DigestService);
    const builds: number[] = [];
    let charts = 0;
    for (let i = 0; i < 5; i++) {
      t0 = performance.now();
      const built = await digests.build(week, null);
      builds.push(performance.now() - t0);
      charts = built.email.charts.length;
    }
    builds.sort((a, b) => a - b);
    console.log(
      `one digest for ${week} (content + ${charts} charts + MJML): median ${builds[2].toFixed(0)} ms (min ${builds[0].toFixed(0)}, max ${builds[4].toFixed(0)} ms)`,
    );

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
  } finally {
    await app.close();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
