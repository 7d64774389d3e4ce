import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { FeedbackEntity } from '../../src/modules/feedback/entities/feedback.entity';
import { OutcomeEntity } from '../../src/modules/outcomes/entities/outcome.entity';
import { runCliScript } from '../helpers/run-cli-script';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-database';
import { TEST_TARGET } from '../helpers/test-target';

jest.setTimeout(60_000);

const runDemo = (env: TestEnvironment, args: string[]) => runCliScript('dist/scripts/demo.js', env, args);

const count = (label: string, stdout: string) =>
  Number(new RegExp(`^\\s+${label}\\s+([\\d,]+)$`, 'm').exec(stdout)?.[1].replace(/,/g, '') ?? NaN);

describe(`demo script (${TEST_TARGET})`, () => {
  let env: TestEnvironment;
  let db: DataSource | undefined;
  beforeAll(async () => {
    env = await createTestEnvironment(TEST_TARGET);
    if (TEST_TARGET === 'mysql') await env.migrate();
  });
  afterAll(async () => {
    await db?.destroy();
    await env?.cleanup();
  });

  it('loads the synthetic company through the import path, says how to look at it, and stores nothing twice', async () => {
    const args = ['--customers', '60', '--weeks', '20', '--seed', '7'];
    const first = await runDemo(env, args);
    expect(first.code).toBe(0);
    const created = count('created', first.stdout);
    expect(created).toBeGreaterThan(100);
    expect(count('rejected', first.stdout)).toBe(0);
    expect(first.stdout).toMatch(/Planted problem: from \d{4}-\d{2}-\d{2} \(week 18\) checkout/);
    expect(first.stdout).toMatch(/\/api\/v1\/feedback\?touchpoint=checkout/);
    // A read key for reading feedback, the admin key for the admin-only themes: no hint answers 403.
    const hints = first.stdout.split('\n').filter((l) => l.includes('curl '));
    expect(first.stdout).toMatch(/KEY=\$\(npx hearken api-key create --name demo --scopes read\)/);
    for (const hint of hints.filter((l) => /\/topics|\/analysis\/|\/api-keys|\/integrations/.test(l)))
      expect(hint).toContain('$ADMIN_API_KEY');
    expect(
      hints.some((l) => /topics\/suggestions\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/.test(l)),
    ).toBe(true);

    db = await new DataSource(await buildDataSourceOptions(env.config)).initialize();
    const feedback = db.getRepository(FeedbackEntity);
    expect(await feedback.count()).toBe(created);
    const kinds = await feedback
      .createQueryBuilder('f')
      .select('f.kind', 'kind')
      .distinct(true)
      .getRawMany<{ kind: string }>();
    expect(kinds.map((k) => k.kind).sort()).toEqual([
      'call_note',
      'review',
      'social_mention',
      'survey_response',
    ]);
    expect(await feedback.count({ where: { touchpoint: 'checkout' } })).toBeGreaterThan(0);
    // Outcome events follow through the same import path, every one accepted and none flagged.
    const outcomeReport = first.stdout.slice(first.stdout.indexOf('outcome events:'));
    const outcomesCreated = count('created', outcomeReport);
    expect(count('rejected', outcomeReport)).toBe(0);
    const outcomes = db.getRepository(OutcomeEntity);
    expect(await outcomes.count()).toBe(outcomesCreated);
    expect(outcomesCreated).toBeGreaterThan(60);
    expect(await outcomes.count({ where: { type: 'retention' } })).toBeGreaterThan(0);
    expect(await outcomes.createQueryBuilder('o').where('o.flags IS NOT NULL').getCount()).toBe(0);

    const again = await runDemo(env, args);
    expect(again.code).toBe(0);
    expect([count('created', again.stdout), count('duplicate', again.stdout)]).toEqual([0, created]);
    expect(await feedback.count()).toBe(created);
    const outcomesAgain = again.stdout.slice(again.stdout.indexOf('outcome events:'));
    expect(count('created', outcomesAgain)).toBe(0);
    expect(await outcomes.count()).toBe(outcomesCreated);
  });

  it('exits 2 on a bad option', async () => {
    const bad = await runDemo(env, ['--weeks', 'many']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--weeks must be an integer/);
  });
});
