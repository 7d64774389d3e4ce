import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config';
import { CustomerIdentityEntity } from '../modules/customers/entities/customer-identity.entity';
import { buildDataSourceOptions } from './data-source-options';
import { insertRows } from './insert-rows';

describe('insertRows (SQLite)', () => {
  let dir: string;
  let dataSource: DataSource;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hearken-insert-'));
    dataSource = await new DataSource(
      await buildDataSourceOptions(loadConfig({}, { databaseUrl: `sqlite:${join(dir, 'db.sqlite')}` })),
    ).initialize();
    await dataSource.runMigrations();
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const identity = (hash: string) =>
    Object.assign(new CustomerIdentityEntity(), {
      hash,
      kind: 'email',
      customerId: 'c1',
      createdAt: new Date(),
    });

  it('writes rows, skips taken unique keys when asked, and says how many it wrote', async () => {
    expect(await insertRows(dataSource.manager, CustomerIdentityEntity, [identity('a'), identity('b')])).toBe(
      2,
    );
    expect(
      await insertRows(dataSource.manager, CustomerIdentityEntity, [identity('b'), identity('c')], {
        ignoreDuplicates: true,
      }),
    ).toBe(1);
    await expect(insertRows(dataSource.manager, CustomerIdentityEntity, [identity('a')])).rejects.toThrow();
    const rows = await dataSource.getRepository(CustomerIdentityEntity).find({ order: { hash: 'ASC' } });
    expect(rows.map((r) => r.hash)).toEqual(['a', 'b', 'c']);
    expect(rows[0].createdAt).toBeInstanceOf(Date);
  });
});
