import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { runCliScript } from '../helpers/run-cli-script';
import { REPO_ROOT } from '../helpers/spawn-process';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-database';
import { TEST_TARGET } from '../helpers/test-target';

jest.setTimeout(120_000);

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  bin: Record<string, string>;
};

/** What each npm script runs after its build: `node dist/<entry>.js [args]`. */
const npmScripts = Object.entries(pkg.scripts).flatMap(([name, command]) => {
  const run = /(?:^|&& )node (dist\/\S+\.js)((?: [\w:-]+)*)$/.exec(command);
  const args = run?.[2].trim().split(/\s+/).filter(Boolean) ?? [];
  return run ? [{ name: `npm run ${name}`, script: run[1], args, help: '--help' }] : [];
});
const HEARKEN = pkg.bin.hearken;
const subcommands = [
  ['serve'],
  ['worker'],
  ['migrate', 'run'],
  ['migrate', 'revert'],
  ['migrate', 'status'],
  ['import'],
  ['demo'],
  ['score'],
  ['eval'],
  ['api-key', 'create'],
].map((args) => ({ name: `hearken ${args.join(' ')}`, script: HEARKEN, args, help: '-h' }));

/** --help never acts: every entry point prints its help, exits 0, and leaves the database untouched. */
describe(`--help (${TEST_TARGET})`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(TEST_TARGET);
  });
  afterAll(() => env?.cleanup());

  it('covers every npm script that runs something', () => {
    const covered = npmScripts.map((s) => s.name);
    for (const name of [
      'start',
      'start:worker',
      'migration:run',
      'migration:revert',
      'api-key:create',
      'import',
      'demo',
      'score',
      'eval',
      'bench:ingest',
      'bench:analysis',
      'bench:analysis:e2e',
    ])
      expect(covered).toContain(`npm run ${name}`);
  });

  it.each([...npmScripts, ...subcommands].map((c) => [c.name, c] as const))(
    '%s --help prints help and does nothing',
    async (_name, { script, args, help }) => {
      // The short form through `hearken`, the long one through the npm scripts: both reach every entry point.
      const run = await runCliScript(script, env, [...args, help]);
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
      expect(run.stdout).toMatch(/^Usage: /);
      expect(await databaseTouched(env)).toBe(false);
    },
  );

  it('hearken without a known command prints its help to stderr and exits 2', async () => {
    for (const args of [[], ['frobnicate']]) {
      const run = await runCliScript(HEARKEN, env, args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Usage: hearken <command>/);
    }
    const help = await runCliScript(HEARKEN, env, ['--help']);
    expect(help.code).toBe(0);
    for (const command of ['serve', 'worker', 'migrate', 'import', 'demo', 'score', 'eval', 'api-key'])
      expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
  });
});

/** The SQLite file was created, or the MySQL database got a table (migrations, or anything else). */
async function databaseTouched(env: TestEnvironment): Promise<boolean> {
  const url = env.config.databaseUrl;
  if (url.startsWith('sqlite:')) return existsSync(url.slice('sqlite:'.length));
  const conn = await createConnection(url);
  try {
    const [tables] = await conn.query('SHOW TABLES');
    return (tables as unknown[]).length > 0;
  } finally {
    await conn.end();
  }
}
