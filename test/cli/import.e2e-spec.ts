import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { OutboxMessageEntity } from '../../src/core/outbox/outbox-message.entity';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { FeedbackEntity } from '../../src/modules/feedback/entities/feedback.entity';
import { CliRun, runCliScript } from '../helpers/run-cli-script';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-database';
import { TEST_TARGET } from '../helpers/test-target';

// Runs the compiled script (dist/, built by `npm test`) as a real process, the way a user runs it.
jest.setTimeout(60_000);

type Run = CliRun;
const runImport = (env: TestEnvironment, args: string[]) => runCliScript('dist/scripts/import.js', env, args);

const count = (label: string, run: Run) =>
  Number(new RegExp(`^\\s+${label}\\s+([\\d,]+)$`, 'm').exec(run.stdout)?.[1].replace(/,/g, '') ?? NaN);

describe(`import script (${TEST_TARGET})`, () => {
  let env: TestEnvironment;
  let db: DataSource;
  let dir: string;

  beforeAll(async () => {
    env = await createTestEnvironment(TEST_TARGET);
    // On SQLite the script migrates the fresh file itself, as embedded mode does; MySQL is migrated by an operator.
    if (TEST_TARGET === 'mysql') await env.migrate();
    dir = env.config.databaseUrl.startsWith('sqlite:')
      ? join(env.config.databaseUrl.slice(7), '..')
      : tmpdir();
  });
  afterAll(async () => {
    await db?.destroy();
    await env?.cleanup();
  });

  const rows = async (source: string) => {
    db ??= await new DataSource(await buildDataSourceOptions(env.config)).initialize();
    return db.getRepository(FeedbackEntity).find({ where: { source }, order: { externalId: 'ASC' } });
  };

  it('imports NDJSON, reports rejected lines with line numbers and reasons, and stores nothing twice', async () => {
    const file = join(dir, `reviews-${env.config.queuePrefix}.ndjson`);
    const lines = [
      JSON.stringify({
        kind: 'review',
        externalId: 'n-1',
        channel: 'web',
        rating: 2,
        scale: 5,
        text: 'Late parcel. Mail me at jo@example.com',
      }),
      '{"kind": "review", "externalId": "n-broken"',
      '',
      JSON.stringify({
        kind: 'review',
        externalId: 'n-2',
        channel: 'web',
        rating: 'five',
        text: 'Call me on +44 20 7946 0958 or mail jo@example.com',
        customer: { email: 'jo@example.com', segment: 'gold' },
      }),
      JSON.stringify({
        kind: 'review',
        externalId: 'n-3',
        channel: 'web',
        rating: 5,
        scale: 5,
        text: 'Lovely tent',
      }),
      JSON.stringify({
        externalId: 'n-4',
        channel: 'web',
        rating: 4,
        scale: 5,
        text: 'kind comes from --kind',
      }),
    ];
    writeFileSync(file, lines.join('\n') + '\n');

    const first = await runImport(env, [file, '--source', 'cli-ndjson', '--kind', 'review', '--batch', '2']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect([count('created', first), count('duplicate', first), count('rejected', first)]).toEqual([3, 0, 2]);
    expect(first.stdout).toMatch(/^imported .*: 5 items in [\d.]+ s \([\d,]+ items\/s\)$/m);

    const rejects = readFileSync(`${file}.rejected.ndjson`, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rejects).toEqual([
      { line: 2, errors: [{ field: '(line)', reason: expect.stringMatching(/^invalid JSON/) }] },
      {
        line: 4,
        errors: [{ field: 'rating', reason: expect.any(String) }],
        item: {
          ...JSON.parse(lines[3]),
          text: 'Call me on [PHONE] or mail [EMAIL]',
          customer: { email: '[EMAIL]', segment: 'gold' },
        },
      },
    ]);
    // Personal data never reaches the rejects file, not even quoted in an error.
    expect(readFileSync(`${file}.rejected.ndjson`, 'utf8')).not.toMatch(/jo@example|7946/);

    const stored = await rows('cli-ndjson');
    expect(stored.map((r) => [r.externalId, r.kind])).toEqual([
      ['n-1', 'review'],
      ['n-3', 'review'],
      ['n-4', 'review'],
    ]);
    expect(stored[0].text).toBe('Late parcel. Mail me at [EMAIL]');

    // One analysis job per batch that stored something (--batch 2: three batches). On MySQL + Bull they went
    // straight to Redis; embedded, they wait in the outbox for the running server's sweeper.
    const outbox = await db.getRepository(OutboxMessageEntity).count();
    expect(outbox).toBe(TEST_TARGET === 'mysql' ? 0 : 3);

    const again = await runImport(env, [
      file,
      '--source',
      'cli-ndjson',
      '--kind',
      'review',
      '--rejects',
      join(dir, 'again.ndjson'),
    ]);
    expect(again.code).toBe(0);
    expect([count('created', again), count('duplicate', again), count('rejected', again)]).toEqual([0, 3, 2]);
    expect(existsSync(join(dir, 'again.ndjson'))).toBe(true);
    expect(await rows('cli-ndjson')).toHaveLength(3);
  });

  it('imports CSV with dotted headers into customers and fields, and writes no rejects file when all is well', async () => {
    const file = join(dir, `survey-${env.config.queuePrefix}.csv`);
    writeFileSync(
      file,
      [
        'kind,externalId,channel,npsScore,text,customer.email,customer.segment,metadata',
        'survey_response,c-1,email,9,"Great, fast delivery",Ann@Example.com,smb,"{""wave"":1}"',
        'survey_response,c-2,email,3,"Checkout kept failing",ann@example.com,smb,',
        'survey_response,c-3,email,7,,bo@example.com,,',
      ].join('\n'),
    );
    const run = await runImport(env, [file, '--source', 'cli-csv']);
    expect(run.code).toBe(0);
    expect([count('created', run), count('rejected', run)]).toEqual([3, 0]);
    expect(existsSync(`${file}.rejected.ndjson`)).toBe(false);

    const stored = await rows('cli-csv');
    expect(stored.map((r) => [r.externalId, r.npsScore, r.segment])).toEqual([
      ['c-1', 9, 'smb'],
      ['c-2', 3, 'smb'],
      ['c-3', 7, null],
    ]);
    expect(stored[0].text).toBe('Great, fast delivery');
    expect(stored[0].details).toMatchObject({ metadata: { wave: 1 } });
    // One customer across both of Ann's rows (emails are normalised), another for Bo.
    expect(stored[0].customerId).toBeTruthy();
    expect(stored[1].customerId).toBe(stored[0].customerId);
    expect(stored[2].customerId).not.toBe(stored[0].customerId);

    const again = await runImport(env, [file, '--source', 'cli-csv']);
    expect([count('created', again), count('duplicate', again)]).toEqual([0, 3]);
  });

  it('exits 2 on bad arguments and 1 when the file cannot be read', async () => {
    const bad = await runImport(env, ['x.ndjson', '--batch', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--batch must be an integer from 1 to 1000/);
    expect((await runImport(env, ['x.ndjson', '--kind', 'tweet'])).code).toBe(2);
    expect((await runImport(env, [])).code).toBe(2);
    const help = await runImport(env, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: npm run import/);
    const missing = await runImport(env, [join(dir, 'no-such-file.ndjson')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/ENOENT/);
  });
});
