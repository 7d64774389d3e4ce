import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Presets, SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/load-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { CustomerFiguresRepository } from '../src/modules/rollups/customer-figures/customer-figures.repository';
import { CustomerItemFactsRepository } from '../src/modules/rollups/item-facts/customer-item-facts.repository';
import { CustomerFiguresService } from '../src/modules/rollups/customer-figures/customer-figures.service';
import { RollupRepository } from '../src/modules/rollups/rollup.repository';
import { RollupsService } from '../src/modules/rollups/rollups.service';

const HELP = `Usage: npm run rollups:rebuild -- [--yes] [--page 2000]

Recomputes the analytics rollups (rollup_hours, rollup_days, their hour, day, week and month slices, and
rollup_contributions) and the customer-level figures of the SAT indices (customer_figure_slices,
customer_figure_states) from the raw feedback, analysis, topic, customer and outcome rows of DATABASE_URL, in pages
of items (one transaction each), with a progress bar.
Needed only after a restore or a manual edit of raw rows: analysis, erasure and deletion keep them up to date.
Without --yes it only says what it would do.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      yes: { type: 'boolean', default: false },
      page: { type: 'string', default: '2000' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const page = Number(values.page);
  if (!Number.isInteger(page) || page < 1 || page > 10_000) throw new Error('--page must be 1..10000');
  const dataSource = await new DataSource(await buildDataSourceOptions(loadConfig())).initialize();
  try {
    if (await dataSource.showMigrations())
      throw new Error('The database has pending migrations: run `npm run migration:run` first.');
    const rollups = new RollupsService(
      new RollupRepository(dataSource),
      new CustomerFiguresService(new CustomerFiguresRepository(dataSource)),
      new CustomerItemFactsRepository(dataSource),
    );
    if (!values.yes) {
      process.stdout.write('Would rebuild the rollups from the raw rows. Run again with --yes to do it.\n');
      return;
    }
    const bar = new SingleBar(
      { format: 'rollups {bar} {percentage}% | {value}/{total} items | ETA {eta}s' },
      Presets.shades_classic,
    );
    const started = Date.now();
    let startedBar = false;
    const done = await rollups.rebuild((value, total) => {
      if (!startedBar) bar.start(total, value);
      else bar.update(value, {});
      startedBar = true;
      bar.setTotal(total);
    }, page);
    bar.stop();
    process.stdout.write(
      `Rebuilt the rollups from ${done} item(s) in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
