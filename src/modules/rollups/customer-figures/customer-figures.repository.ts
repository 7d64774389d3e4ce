import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { placeholders } from '../../../database/insert-rows';
import { forUpdate } from '../dialects/lock-for-update';
import { mysqlUpsert } from '../dialects/rollup-upsert.mysql';
import { sqliteUpsert } from '../dialects/rollup-upsert.sqlite';
import { toMs } from '../rollup-source.reader';
import { CustomerGrain } from './customer-buckets';
import { COUNT_FIELDS, CountSlice, Counts, OutcomeEntry, SubjectState } from './customer-contribution';
import { CustomerFigureSliceEntity } from './entities/customer-figure-slice.entity';
import { CUSTOMER_FIGURE_STATES } from './entities/customer-figure-state.entity';

export interface StateKey {
  subject: string;
  grain: CustomerGrain;
  bucket: number;
}

/**
 * A state row that is no subject's: present while the figures still miss rows stored before they existed (the
 * migration sets it on a database with data; `rollups:rebuild` clears it when done). Never a customer id ('*').
 */
export const BACKFILL_MARKER = { subject: '*', grain: 'backfill' } as const;

export const stateKeyString = (k: StateKey): string =>
  `${k.subject}\u0001${k.grain}\u0001${String(k.bucket).padStart(8, '0')}`;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COUNT_COLUMNS = COUNT_FIELDS.map(snake);
const SLICE_KEY_COLUMNS = ['grain', 'dim_a', 'dim_b', 'bucket', 'value_a', 'value_b'];
const CHUNK = 500;
/** 18 columns × 800 rows stays under SQLite's 32,766 bound parameters. */
const UPSERT_ROWS = 800;

export interface OutcomeSourceRow extends OutcomeEntry {
  id: string;
  customerId: string | null;
}

export interface CountsRow {
  bucket: number;
  valueA: string;
  valueB: string;
  counts: Counts;
}

const isSqlite = (m: EntityManager | DataSource) =>
  (m instanceof DataSource ? m : m.connection).options.type === 'better-sqlite3';

/** Every query of the customer-level figure tables, and the raw reads that feed them. */
@Injectable()
export class CustomerFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The states of these keys (sorted), locked until commit: a row is created first when missing, so two
   * transactions touching one customer's bucket take turns even when neither finds a row.
   */
  async lockStates(manager: EntityManager, keys: StateKey[]): Promise<Map<string, SubjectState>> {
    const found = new Map<string, SubjectState>();
    for (let i = 0; i < keys.length; i += CHUNK) {
      const chunk = keys.slice(i, i + CHUNK);
      const tuples = chunk.map(() => '(?, ?, ?, ?)').join(', ');
      const values = chunk.flatMap((k) => [k.subject, k.grain, k.bucket, '']);
      await manager.query(
        isSqlite(manager)
          ? `INSERT INTO customer_figure_states (subject, grain, bucket, state) VALUES ${tuples} ON CONFLICT DO NOTHING`
          : `INSERT INTO customer_figure_states (subject, grain, bucket, state) VALUES ${tuples} ON DUPLICATE KEY UPDATE state = state`,
        values,
      );
      const rows: { subject: string; grain: string; bucket: number; state: string }[] = await manager.query(
        `SELECT subject, grain, bucket, state FROM customer_figure_states
         WHERE (subject, grain, bucket) IN (${chunk.map(() => '(?, ?, ?)').join(', ')})${forUpdate(manager)}`,
        chunk.flatMap((k) => [k.subject, k.grain, k.bucket]),
      );
      for (const r of rows)
        if (r.state)
          found.set(
            stateKeyString({ subject: r.subject, grain: r.grain as CustomerGrain, bucket: Number(r.bucket) }),
            JSON.parse(r.state),
          );
    }
    return found;
  }

  /** Every state of one subject, locked (erasure). */
  async lockStatesOf(manager: EntityManager, subject: string): Promise<[StateKey, SubjectState][]> {
    const rows: { grain: string; bucket: number; state: string }[] = await manager.query(
      `SELECT grain, bucket, state FROM customer_figure_states WHERE subject = ?${forUpdate(manager)}`,
      [subject],
    );
    return rows
      .filter((r) => r.state)
      .map((r) => [
        { subject, grain: r.grain as CustomerGrain, bucket: Number(r.bucket) },
        JSON.parse(r.state),
      ]);
  }

  /**
   * Replaces the states of these keys: empty ones are deleted, the others written over in place (lockStates made
   * a row for every key, so an upsert is an update: one statement per chunk instead of a delete and an insert).
   */
  async writeStates(manager: EntityManager, rows: [StateKey, SubjectState | null][]): Promise<void> {
    const kept: [StateKey, string][] = [];
    const gone: StateKey[] = [];
    for (const [key, state] of rows)
      if (state && (Object.keys(state.items).length || Object.keys(state.outcomes).length))
        kept.push([key, JSON.stringify(state)]);
      else gone.push(key);
    for (let i = 0; i < gone.length; i += CHUNK) {
      const chunk = gone.slice(i, i + CHUNK);
      await manager.query(
        `DELETE FROM customer_figure_states WHERE (subject, grain, bucket) IN (${chunk.map(() => '(?, ?, ?)').join(', ')})`,
        chunk.flatMap((k) => [k.subject, k.grain, k.bucket]),
      );
    }
    for (let i = 0; i < kept.length; i += CHUNK) {
      const chunk = kept.slice(i, i + CHUNK);
      const tuples = chunk.map(() => '(?, ?, ?, ?)').join(', ');
      await manager.query(
        isSqlite(manager)
          ? `INSERT INTO customer_figure_states (subject, grain, bucket, state) VALUES ${tuples}
             ON CONFLICT (subject, grain, bucket) DO UPDATE SET state = excluded.state`
          : `INSERT INTO customer_figure_states (subject, grain, bucket, state) VALUES ${tuples}
             ON DUPLICATE KEY UPDATE state = VALUES(state)`,
        chunk.flatMap(([k, state]) => [k.subject, k.grain, k.bucket, state]),
      );
    }
  }

  /** Adds count deltas (in key order) to the slices of one grain. */
  async addCounts(manager: EntityManager, grain: CustomerGrain, deltas: [number, CountSlice, Counts][]) {
    const upsert = isSqlite(manager) ? sqliteUpsert : mysqlUpsert;
    for (let i = 0; i < deltas.length; i += UPSERT_ROWS) {
      const chunk = deltas.slice(i, i + UPSERT_ROWS);
      const values = chunk.flatMap(([bucket, s, counts]) => [
        grain,
        s.dimA,
        s.dimB,
        bucket,
        s.valueA,
        s.valueB,
        ...COUNT_FIELDS.map((f) => counts[f]),
      ]);
      await manager.query(
        upsert('customer_figure_slices', SLICE_KEY_COLUMNS, COUNT_COLUMNS, chunk.length),
        values,
      );
    }
  }

  /** Customer and instant of these items (items of no customer are left out). */
  async itemOwners(
    manager: EntityManager,
    ids: string[],
  ): Promise<Map<string, { customerId: string; at: number }>> {
    const out = new Map<string, { customerId: string; at: number }>();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      const rows: { id: string; customer_id: string; occurred_at: Date | string }[] = await manager.query(
        `SELECT id, customer_id, occurred_at FROM feedback
         WHERE id IN (${placeholders(chunk.length)}) AND customer_id IS NOT NULL`,
        chunk,
      );
      for (const r of rows) out.set(r.id, { customerId: r.customer_id, at: toMs(r.occurred_at) });
    }
    return out;
  }

  /** Outcome events of these customers, or (with null) those of no customer. */
  async outcomesOf(manager: EntityManager, customerIds: string[] | null): Promise<OutcomeSourceRow[]> {
    const where = customerIds
      ? `customer_id IN (${placeholders(customerIds.length)})`
      : 'customer_id IS NULL';
    if (customerIds && !customerIds.length) return [];
    const rows: Record<string, string | number | Date | null>[] = await manager.query(
      `SELECT id, type, event, customer_id, segment, occurred_at, customers_at_start, retained
       FROM outcomes WHERE ${where}`,
      customerIds ?? [],
    );
    return rows.map((r) => outcomeSourceRow(r));
  }

  async customersAfter(after: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM customers WHERE id > ? AND erased_at IS NULL ORDER BY id LIMIT ${Math.trunc(limit)}`,
      [after],
    );
    return rows.map((r) => r.id);
  }

  async feedbackIdsOfCustomers(manager: EntityManager, customerIds: string[]): Promise<string[]> {
    if (!customerIds.length) return [];
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM feedback WHERE customer_id IN (${placeholders(customerIds.length)})`,
      customerIds,
    );
    return rows.map((r) => r.id);
  }

  /** Pre-aggregated counts of one grain and slice over buckets [from, to), with optional slice values. */
  async counts(
    grain: CustomerGrain,
    [from, to]: [number, number],
    slice: { dimA: string; dimB: string; valueA?: string[]; valueB?: string[] },
  ): Promise<CountsRow[]> {
    const where = ['grain = ?', 'dim_a = ?', 'dim_b = ?', 'bucket >= ?', 'bucket < ?'];
    const params: unknown[] = [grain, slice.dimA, slice.dimB, from, to];
    for (const [column, values] of [
      ['value_a', slice.valueA],
      ['value_b', slice.valueB],
    ] as const) {
      if (!values) continue;
      where.push(`${column} IN (${placeholders(values.length)})`);
      params.push(...values);
    }
    const rows: Record<string, string | number>[] = await this.dataSource.query(
      `SELECT bucket, value_a, value_b, ${COUNT_COLUMNS.join(', ')} FROM customer_figure_slices
       WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows.map((r) => ({
      bucket: Number(r.bucket),
      valueA: String(r.value_a),
      valueB: String(r.value_b),
      counts: Object.fromEntries(COUNT_FIELDS.map((f, i) => [f, Number(r[COUNT_COLUMNS[i]])])) as Counts,
    }));
  }

  /** Whether the backfill marker (set by the migration on a database that already had rows) is present. */
  async backfillPending(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM customer_figure_states WHERE subject = ? AND grain = ? AND bucket = 0`,
      [BACKFILL_MARKER.subject, BACKFILL_MARKER.grain],
    );
    return rows.length > 0;
  }

  async setBackfillPending(pending: boolean): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM customer_figure_states WHERE subject = ? AND grain = ? AND bucket = 0`,
      [BACKFILL_MARKER.subject, BACKFILL_MARKER.grain],
    );
    if (pending)
      await this.dataSource.query(
        `INSERT INTO customer_figure_states (subject, grain, bucket, state) VALUES (?, ?, 0, '{}')`,
        [BACKFILL_MARKER.subject, BACKFILL_MARKER.grain],
      );
  }

  async clear(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.clear(CustomerFigureSliceEntity);
      await manager.clear(CUSTOMER_FIGURE_STATES);
    });
  }
}

export function outcomeSourceRow(r: Record<string, string | number | Date | null>): OutcomeSourceRow {
  return {
    id: String(r.id),
    customerId: r.customer_id === null ? null : String(r.customer_id),
    y: String(r.type),
    e: r.event === null ? null : String(r.event),
    g: r.segment === null ? '' : String(r.segment),
    t: toMs(r.occurred_at as Date | string),
    a: r.customers_at_start === null ? null : Number(r.customers_at_start),
    r: r.retained === null ? null : Number(r.retained),
  };
}
