import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../src/config/load-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';

const HELP = `Usage: npm run migration:run | npm run migration:revert | node dist/scripts/migrate.js show

Runs (or reverts the last of) Hearken's migrations on DATABASE_URL
(default: the embedded SQLite file ./data/hearken.sqlite; mysql://user:pass@host:port/db for MySQL).`;

async function main(): Promise<void> {
  const command = process.argv[2];
  if (!command || command === '--help' || command === '-h' || !['run', 'revert', 'show'].includes(command)) {
    process.stdout.write(`${HELP}\n`);
    process.exit(command && command !== '--help' && command !== '-h' ? 2 : 0);
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
