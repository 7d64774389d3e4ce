import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../src/config/load-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { exitWithHelpIfAsked } from '../src/cli/wants-help';

const HELP = `Usage: hearken migrate run|revert|status   (npm run migration:run, npm run migration:revert)

run: applies pending migrations; revert: reverts the last one; status: says whether any are pending.
On DATABASE_URL (default: the embedded SQLite file ./data/hearken.sqlite; mysql://user:pass@host:port/db for MySQL).`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  exitWithHelpIfAsked(HELP, args);
  const command = args[0] === 'show' ? 'status' : args[0];
  if (!['run', 'revert', 'status'].includes(command) || args.length > 1) {
    process.stderr.write(`${HELP}\n`);
    process.exit(2);
  }
  const config = loadConfig();
  const dataSource = await new DataSource(await buildDataSourceOptions(config)).initialize();
  try {
    if (command === 'run') {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(
        ran.length ? ran.map((m) => `applied ${m.name}\n`).join('') : 'schema is up to date\n',
      );
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('reverted the last migration\n');
    } else {
      process.stdout.write(
        (await dataSource.showMigrations()) ? 'pending migrations\n' : 'schema is up to date\n',
      );
    }
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
