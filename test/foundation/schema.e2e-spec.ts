import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { createTestEnvironment, TestEnvironment } from '../helpers/test-database';
import { TEST_TARGET } from '../helpers/test-target';

describe(`migrations on ${TEST_TARGET}`, () => {
  let env: TestEnvironment;
  let dataSource: DataSource;

  beforeAll(async () => {
    env = await createTestEnvironment(TEST_TARGET);
    await env.migrate();
    dataSource = await new DataSource(await buildDataSourceOptions(env.config)).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await env?.cleanup();
  });

  it('leave the schema exactly as the entities describe it (no pending changes)', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('record every migration as run', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
  });

  it('can be reverted all the way down and applied again', async () => {
    for (let i = 0; i < dataSource.migrations.length; i++) await dataSource.undoLastMigration();
    const runner = dataSource.createQueryRunner();
    for (const entity of dataSource.entityMetadatas)
      expect(await runner.hasTable(entity.tableName)).toBe(false);
    await runner.release();
    await dataSource.runMigrations();
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toHaveLength(0);
  });
});
