import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/load-config';
import { buildDataSourceOptions } from './data-source-options';

describe('embedded database options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearken-options-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes every commit durable (WAL, synchronous FULL) and enforces foreign keys', async () => {
    const config = loadConfig({}, { databaseUrl: `sqlite:${join(dir, 'h.db')}`, logLevel: 'silent' });
    const dataSource = await new DataSource(await buildDataSourceOptions(config)).initialize();
    try {
      const pragma = async (name: string) => Object.values((await dataSource.query(`PRAGMA ${name}`))[0])[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2); // 2 = FULL
      expect(await pragma('foreign_keys')).toBe(1);
    } finally {
      await dataSource.destroy();
    }
  });
});
