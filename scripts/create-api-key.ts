import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/load-config';
import { buildDataSourceOptions } from '../src/database/data-source-options';
import { API_KEY_SCOPES, ApiKeyEntity, ApiKeyScope } from '../src/modules/api-keys/entities/api-key.entity';
import { generateApiKey } from '../src/modules/api-keys/api-key-secret';
import { buildApiKeyEntity } from '../src/modules/api-keys/api-key.factory';

const HELP = `Usage: npm run api-key:create -- --name <label> [--scopes ingest,read,admin] [--expires 2027-01-01]

Creates an API key in the database of DATABASE_URL and prints it once (only its hash is stored).
Scopes: ${API_KEY_SCOPES.join(', ')} (admin passes every check). Default scopes: ingest,read.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      scopes: { type: 'string', default: 'ingest,read' },
      expires: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.name) {
    process.stdout.write(`${HELP}\n`);
    process.exit(values.help ? 0 : 2);
  }
  const scopes = values.scopes!.split(',').map((s) => s.trim()) as ApiKeyScope[];
  const bad = scopes.filter((s) => !API_KEY_SCOPES.includes(s));
  if (bad.length) throw new Error(`Unknown scope(s): ${bad.join(', ')}. Use ${API_KEY_SCOPES.join(', ')}.`);
  const expiresAt = values.expires ? new Date(values.expires) : null;
  if (expiresAt && Number.isNaN(expiresAt.getTime()))
    throw new Error(`--expires is not a date: ${values.expires}`);

  const dataSource = await new DataSource(await buildDataSourceOptions(loadConfig())).initialize();
  try {
    if (await dataSource.showMigrations())
      throw new Error('The database has pending migrations: run `npm run migration:run` first.');
    const key = generateApiKey();
    await dataSource
      .getRepository(ApiKeyEntity)
      .insert(buildApiKeyEntity(key, values.name!, scopes, expiresAt));
    process.stdout.write(`${key}\n`);
    process.stderr.write(
      `API key "${values.name}" created with scopes ${scopes.join(',')}. Store it now: it is not shown again.\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
