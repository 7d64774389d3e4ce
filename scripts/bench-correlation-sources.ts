import 'reflect-metadata';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/load-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { CorrelationsService } from '../src/modules/correlations/correlations.service';
import {
  CustomerFactsRepository,
  FactsRange,
  FactsSource,
} from '../src/modules/correlations/customer-facts.repository';
import { DriverFactsRepository } from '../src/modules/drivers/driver-facts.repository';
import { DRIVER_OUTCOMES, DriversService } from '../src/modules/drivers/drivers.service';

const HELP = `Usage: node dist/scripts/bench-correlation-sources.js --database-url URL --from DATE --to DATE [--runs 3]
       [--sources copies,raw]

Migrates the database, then times correlations and key drivers (their services, no HTTP) on [from, to) reading
item sentiment and topic mentions from each source (copies: customer_item_facts / customer_topic_mentions; raw:
every item joined to its newest analysis), and each part of the drivers' work alone. Prints medians in ms.`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const log = (s: string) => process.stdout.write(`${s}\n`);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'database-url': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      runs: { type: 'string', default: '3' },
      sources: { type: 'string', default: 'copies,raw' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values['database-url'] || !values.from || !values.to) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const runs = Number(values.runs);
  const config = loadConfig(
    {},
    { databaseUrl: values['database-url'], identitySecret: 'x'.repeat(48), logLevel: 'silent' },
  );
  const dataSource = await new DataSource(await buildDataSourceOptions(config)).initialize();
  try {
    let t0 = performance.now();
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    log(
      `migrations: ${applied.map((m) => m.name).join(', ') || 'none'} in ${(performance.now() - t0).toFixed(0)} ms`,
    );
    const facts = new CustomerFactsRepository(dataSource);
    const mentions = new DriverFactsRepository(dataSource, facts);
    const correlations = new CorrelationsService(facts);
    const drivers = new DriversService(facts, mentions);
    const range: FactsRange = { from: new Date(values.from), to: new Date(values.to) };
    const time = async (name: string, work: () => Promise<unknown>) => {
      await work(); // warm-up
      const ms: number[] = [];
      for (let i = 0; i < runs; i++) {
        t0 = performance.now();
        await work();
        ms.push(performance.now() - t0);
      }
      log(
        `${name}: median ${median(ms).toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(', ')}), load ${load()}`,
      );
    };
    for (const source of values.sources!.split(',') as FactsSource[]) {
      await time(`${source} facts.load`, () => facts.load(range, source));
      await time(`${source} raisedNegatively`, () => mentions.raisedNegatively(range, source));
      await time(`${source} performance`, () => mentions.performance(range, source));
      await time(`${source} correlations`, () => correlations.correlations(range, source));
      for (const outcome of DRIVER_OUTCOMES)
        await time(`${source} drivers ${outcome}`, () => drivers.drivers(outcome, range, { source }));
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
