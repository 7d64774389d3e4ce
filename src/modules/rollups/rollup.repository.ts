import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { insertRows, placeholders } from '../../database/insert-rows';
import { forUpdate } from '../../database/lock-for-update';
import { mysqlUpsert } from './dialects/rollup-upsert.mysql';
import { sqliteUpsert } from './dialects/rollup-upsert.sqlite';
import { RollupContributionEntity } from './entities/rollup-contribution.entity';
import { RollupDayEntity } from './entities/rollup-day.entity';
import { RollupHourEntity } from './entities/rollup-hour.entity';
import { ROLLUP_DIMENSIONS, RollupFacts, RollupKey, RollupSums, SliceKey, SUM_FIELDS } from './rollup-facts';
import { SLICE_GRAINS, SLICE_TABLES, SliceGrain } from './rollup-slices';

export type RollupGrain = 'hour' | 'day';
export const ROLLUP_TABLES: Record<RollupGrain, string> = { hour: 'rollup_hours', day: 'rollup_days' };

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const KEY_COLUMNS = ['topic_key', 'signal_type', 'bucket', ...ROLLUP_DIMENSIONS.map(snake)];
export const SUM_COLUMNS = SUM_FIELDS.map(snake);
export const SLICE_KEY_COLUMNS = [
  'topic_key',
  'signal_type',
  'dim_a',
  'dim_b',
  'bucket',
  'value_a',
  'value_b',
];
/** 29 columns × 400 rows stays under SQLite's 32,766 bound parameters. */
const UPSERT_ROWS = 400;

/** Every query of the rollup tables and of the per-item contributions. */
@Injectable()
export class RollupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The figures each item added last time, locked until commit so a concurrent re-analysis waits. */
  async lockContributions(manager: EntityManager, ids: string[]): Promise<Map<string, RollupFacts>> {
    const found = new Map<string, RollupFacts>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const rows: { feedback_id: string; facts: string }[] = await manager.query(
        `SELECT feedback_id, facts FROM rollup_contributions WHERE feedback_id IN (${placeholders(chunk.length)})${forUpdate(manager)}`,
        chunk,
      );
      for (const r of rows) found.set(r.feedback_id, JSON.parse(r.facts));
    }
    return found;
  }

  async replaceContributions(
    manager: EntityManager,
    ids: string[],
    rows: RollupContributionEntity[],
  ): Promise<void> {
    for (let i = 0; i < ids.length; i += 500)
      await manager.delete(RollupContributionEntity, { feedbackId: In(ids.slice(i, i + 500)) });
    await insertRows(manager, RollupContributionEntity, rows);
  }

  /** Adds the deltas (already in key order) to the rows of one grain, creating rows that do not exist. */
  async addSums(
    manager: EntityManager,
    grain: RollupGrain,
    deltas: [RollupKey, RollupSums][],
  ): Promise<void> {
    const upsert = manager.connection.options.type === 'better-sqlite3' ? sqliteUpsert : mysqlUpsert;
    for (let i = 0; i < deltas.length; i += UPSERT_ROWS) {
      const chunk = deltas.slice(i, i + UPSERT_ROWS);
      const values: unknown[] = [];
      for (const [key, sums] of chunk) {
        values.push(key.topicKey, key.signalType, key.bucket, ...ROLLUP_DIMENSIONS.map((d) => key.dims[d]));
        values.push(...SUM_FIELDS.map((f) => sums[f]));
      }
      await manager.query(upsert(ROLLUP_TABLES[grain], KEY_COLUMNS, SUM_COLUMNS, chunk.length), values);
    }
  }

  /** Adds the deltas (already in key order) to the slices of one level. */
  async addSlices(
    manager: EntityManager,
    grain: SliceGrain,
    deltas: [SliceKey, RollupSums][],
  ): Promise<void> {
    const upsert = manager.connection.options.type === 'better-sqlite3' ? sqliteUpsert : mysqlUpsert;
    for (let i = 0; i < deltas.length; i += UPSERT_ROWS) {
      const chunk = deltas.slice(i, i + UPSERT_ROWS);
      const values: unknown[] = [];
      for (const [k, sums] of chunk) {
        values.push(k.topicKey, k.signalType, k.dimA, k.dimB, k.bucket, k.valueA, k.valueB);
        values.push(...SUM_FIELDS.map((f) => sums[f]));
      }
      await manager.query(upsert(SLICE_TABLES[grain], SLICE_KEY_COLUMNS, SUM_COLUMNS, chunk.length), values);
    }
  }

  /** Items that may have figures in the rollups: every analysed or skipped one, in id order, a page at a time. */
  async feedbackIdsAfter(after: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM feedback WHERE id > ? ORDER BY id LIMIT ${Math.trunc(limit)}`,
      [after],
    );
    return rows.map((r) => r.id);
  }

  async countFeedback(): Promise<number> {
    const [{ n }] = await this.dataSource.query('SELECT COUNT(*) AS n FROM feedback');
    return Number(n);
  }

  async feedbackIdsOfCustomer(manager: EntityManager, customerId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query('SELECT id FROM feedback WHERE customer_id = ?', [
      customerId,
    ]);
    return rows.map((r) => r.id);
  }

  /** Empties the rollups and contributions (the rebuild refills them). */
  async clear(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.clear(RollupHourEntity);
      await manager.clear(RollupDayEntity);
      for (const grain of SLICE_GRAINS) await manager.query(`DELETE FROM ${SLICE_TABLES[grain]}`);
      await manager.clear(RollupContributionEntity);
    });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.options.type === 'better-sqlite3'
      ? this.dataSource.transaction(work)
      : this.dataSource.transaction('READ COMMITTED', work);
  }
}
