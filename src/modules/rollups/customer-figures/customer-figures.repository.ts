import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { insertRows, placeholders } from '../../../database/insert-rows';
import { toSqlDate } from '../../../database/sql-date';
import { forUpdate } from '../../../database/lock-for-update';
import { mysqlUpsert } from '../dialects/rollup-upsert.mysql';
import { sqliteUpsert } from '../dialects/rollup-upsert.sqlite';
import { toMs } from '../rollup-source.reader';
import { CustomerGrain } from './customer-buckets';
import {
  COUNT_FIELDS,
  CountSlice,
  Counts,
  isEmptyState,
  OutcomeEntry,
  parseState,
  SubjectState,
} from './customer-contribution';
import { CustomerFigureSliceEntity } from './entities/customer-figure-slice.entity';
import { CUSTOMER_FIGURE_STATES } from './entities/customer-figure-state.entity';
import { PendingOutcomeFigureEntity } from './entities/pending-outcome-figure.entity';

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
const CHUNK = 1_000;
const OUTCOME_SOURCE_COLUMNS =
  'o.id, o.type, o.event, o.customer_id, o.segment, o.occurred_at, o.customers_at_start, o.retained';
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
            parseState(r.state),
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
        parseState(r.state),
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
      if (state && !isEmptyState(state)) kept.push([key, JSON.stringify(state)]);
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

  /**
   * Outcome events of these customers, or (with null) those of no customer, received before `before` and not
   * waiting for their fold (what a rebuild counts: the fold counts the others).
   */
  async outcomesOf(
    manager: EntityManager,
    customerIds: string[] | null,
    before: Date,
  ): Promise<OutcomeSourceRow[]> {
    const where = customerIds
      ? `customer_id IN (${placeholders(customerIds.length)})`
      : 'customer_id IS NULL';
    if (customerIds && !customerIds.length) return [];
    const rows: Record<string, string | number | Date | null>[] = await manager.query(
      `SELECT ${OUTCOME_SOURCE_COLUMNS} FROM outcomes o WHERE ${where} AND o.received_at < ?
       AND NOT EXISTS (SELECT 1 FROM outcome_figures_pending p WHERE p.outcome_id = o.id)`,
      [...(customerIds ?? []), toSqlDate(manager.connection.options.type, before)],
    );
    return rows.map((r) => outcomeSourceRow(r));
  }

  /** New outcome events wait for their fold (written in the transaction that stores them). */
  async markOutcomesPending(manager: EntityManager, ids: string[], receivedAt: Date): Promise<void> {
    if (!ids.length) return;
    const rows = ids.map((outcomeId) =>
      Object.assign(new PendingOutcomeFigureEntity(), { outcomeId, receivedAt }),
    );
    for (let i = 0; i < rows.length; i += CHUNK)
      await insertRows(manager, PendingOutcomeFigureEntity, rows.slice(i, i + CHUNK));
  }

  /**
   * Which of these events still wait for their fold, locked until commit (an event already folded, or erased with
   * its customer, is left out), and what the figures keep of them. Their pending rows are deleted: the caller's
   * commit makes them counted exactly once.
   */
  async takePendingOutcomes(manager: EntityManager, ids: string[]): Promise<OutcomeSourceRow[]> {
    const out: OutcomeSourceRow[] = [];
    const sorted = [...ids].sort();
    for (let i = 0; i < sorted.length; i += CHUNK) {
      const chunk = sorted.slice(i, i + CHUNK);
      const pending: { outcome_id: string }[] = await manager.query(
        `SELECT outcome_id FROM outcome_figures_pending WHERE outcome_id IN (${placeholders(chunk.length)})
         ORDER BY outcome_id${forUpdate(manager)}`,
        chunk,
      );
      if (!pending.length) continue;
      const found = pending.map((p) => p.outcome_id);
      const rows: Record<string, string | number | Date | null>[] = await manager.query(
        // Locked too: an erasure deleting them either waits for this fold or is seen by it (then nothing is added).
        `SELECT ${OUTCOME_SOURCE_COLUMNS} FROM outcomes o WHERE o.id IN (${placeholders(found.length)})
         ORDER BY o.id${forUpdate(manager)}`,
        found,
      );
      out.push(...rows.map((r) => outcomeSourceRow(r)));
      await manager.query(
        `DELETE FROM outcome_figures_pending WHERE outcome_id IN (${placeholders(found.length)})`,
        found,
      );
    }
    return out;
  }

  /** Events waiting for their fold since before `before`, oldest first (their job was lost). */
  async stalePendingOutcomes(before: Date, limit: number): Promise<string[]> {
    const rows: { outcome_id: string }[] = await this.dataSource.query(
      `SELECT outcome_id FROM outcome_figures_pending WHERE received_at < ? ORDER BY received_at LIMIT ${Math.trunc(limit)}`,
      [toSqlDate(this.dataSource.options.type, before)],
    );
    return rows.map((r) => r.outcome_id);
  }

  /** How many stored events the figures do not count yet, counted up to `cap` (a backlog is not scanned whole). */
  async pendingOutcomeCount(cap: number): Promise<number> {
    const [row]: { n: number | string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM (SELECT 1 FROM outcome_figures_pending LIMIT ${Math.trunc(cap)}) p`,
    );
    return Number(row.n);
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
      // The rebuild counts every event received so far: their folds would count them again.
      await manager.clear(PendingOutcomeFigureEntity);
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
