import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RollupFacts } from '../rollup-facts';
import { readFacts } from '../rollup-source.reader';
import { bucketOf, CUSTOMER_GRAINS, CustomerGrain } from './customer-buckets';
import {
  addOutcome,
  contributionOf,
  CountsDelta,
  emptyState,
  itemEntryDims,
  SubjectState,
} from './customer-contribution';
import {
  CountsRow,
  CustomerFiguresRepository,
  OutcomeSourceRow,
  StateKey,
  stateKeyString,
} from './customer-figures.repository';

type Change = (state: SubjectState) => void;

export const PENDING_OUTCOMES_CAP = 100_000;

/**
 * Keeps the customer-level figures (customer_figure_slices) equal to the raw rows, inside the caller's
 * transaction: each change edits the per-(subject, grain, bucket) state it touches (locked), subtracts the counts
 * the old state added and adds the new state's. Running a change twice changes nothing.
 */
@Injectable()
export class CustomerFiguresService {
  private backfillDone = false;

  constructor(private readonly repository: CustomerFiguresRepository) {}

  /**
   * True while rows stored before these figures existed are not in them yet (an upgraded database before its
   * first `rollups:rebuild`): readers must count from the raw rows meanwhile. Once false it stays false.
   */
  async backfillPending(): Promise<boolean> {
    if (this.backfillDone) return false;
    const pending = await this.repository.backfillPending();
    this.backfillDone = !pending;
    return pending;
  }

  /** Items whose rollup facts changed (null: they no longer count); called by RollupsService.refresh. */
  async refreshItems(
    manager: EntityManager,
    ids: string[],
    facts: Map<string, RollupFacts | null>,
  ): Promise<void> {
    const owners = await this.repository.itemOwners(manager, ids);
    const changes = new Map<string, [StateKey, Change[]]>();
    for (const [id, { customerId, at }] of owners) {
      const f = facts.get(id) ?? null;
      const change: Change = (state) => {
        if (f) state.items[id] = { d: itemEntryDims(f.dims), s: f.sentiment?.label ?? null, t: at };
        else delete state.items[id];
      };
      this.collect(changes, customerId, at, change);
    }
    await this.apply(manager, changes, false);
  }

  /**
   * Newly stored outcome events (a duplicate is never passed) wait for their fold: in the storing transaction, a
   * row each. Counting them here made each event rewrite its customer's day, week and month states inside the
   * ingest request: 3,000-4,000 events/s. The fold does the same work in a job, for many events at once.
   */
  markOutcomesPending(manager: EntityManager, ids: string[], receivedAt: Date): Promise<void> {
    return this.repository.markOutcomesPending(manager, ids, receivedAt);
  }

  /**
   * Adds these events to the figures if they still wait for it, in the caller's transaction: exactly once, however
   * often it runs (their pending rows go in the same commit). Returns how many it added.
   */
  async foldOutcomes(manager: EntityManager, ids: string[]): Promise<number> {
    const outcomes = await this.repository.takePendingOutcomes(manager, ids);
    await this.addOutcomes(manager, outcomes);
    return outcomes.length;
  }

  /** Events waiting for their fold since before `before` (their job was lost). */
  stalePendingOutcomes(before: Date, limit: number): Promise<string[]> {
    return this.repository.stalePendingOutcomes(before, limit);
  }

  /**
   * How many stored outcome events the figures do not count yet, up to PENDING_OUTCOMES_CAP (the answer of every
   * indices question carries it: a backlog of hundreds of thousands is not counted whole each time).
   */
  pendingOutcomeCount(): Promise<number> {
    return this.repository.pendingOutcomeCount(PENDING_OUTCOMES_CAP);
  }

  /** Outcome events to count (stored once: a duplicate is never passed). */
  private async addOutcomes(manager: EntityManager, outcomes: OutcomeSourceRow[]): Promise<void> {
    const changes = new Map<string, [StateKey, Change[]]>();
    const anonymous: OutcomeSourceRow[] = [];
    for (const o of outcomes) {
      const { id: _id, customerId, ...entry } = o;
      if (!customerId) anonymous.push(o);
      else this.collect(changes, customerId, o.t, (state) => addOutcome(state, entry));
    }
    await this.addAnonymous(manager, anonymous);
    // Outcomes change only the total and segment slices: the items' other slices need not be recounted.
    await this.apply(manager, changes, true);
  }

  /**
   * Events of no customer (retention figures, referrals of unknown referrers) are unrelated to each other: each
   * adds its own counts, with its own segment, and no state is kept. (One shared state per bucket made every such
   * event rewrite all the bucket's others: a hot row whose cost grew with the month.)
   */
  private async addAnonymous(manager: EntityManager, outcomes: OutcomeSourceRow[]): Promise<void> {
    if (!outcomes.length) return;
    const deltas = new Map<CustomerGrain, CountsDelta>(CUSTOMER_GRAINS.map((g) => [g, new CountsDelta()]));
    for (const { id: _id, customerId: _none, ...entry } of outcomes) {
      const alone = emptyState();
      addOutcome(alone, entry);
      for (const grain of CUSTOMER_GRAINS)
        deltas.get(grain)!.add(bucketOf(grain, entry.t), contributionOf(alone, false), 1);
    }
    for (const [grain, delta] of deltas) await this.repository.addCounts(manager, grain, delta.sorted());
  }

  /** Erasure: everything the customer added goes (call after the customer's rows are erased). */
  async eraseCustomer(manager: EntityManager, customerId: string): Promise<void> {
    const states = await this.repository.lockStatesOf(manager, customerId);
    const deltas = new Map<CustomerGrain, CountsDelta>(CUSTOMER_GRAINS.map((g) => [g, new CountsDelta()]));
    for (const [key, state] of states)
      deltas.get(key.grain)!.add(key.bucket, contributionOf(state, true), -1);
    for (const [grain, delta] of deltas) await this.repository.addCounts(manager, grain, delta.sorted());
    await this.repository.writeStates(
      manager,
      states.map(([key]) => [key, null]),
    );
  }

  /**
   * Recomputes everything from the raw rows (after the rollups are rebuilt): a page of customers per transaction,
   * then the events of no customer.
   */
  async rebuild(
    transaction: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>,
    onProgress: (customers: number) => void = () => {},
    pageSize = 500,
  ): Promise<number> {
    // Events received from now on are counted by their folds; those before by the pages below.
    const started = new Date();
    await this.repository.clear();
    await this.repository.setBackfillPending(true);
    let after = '';
    let done = 0;
    for (;;) {
      const customers = await this.repository.customersAfter(after, pageSize);
      if (!customers.length) break;
      await transaction(async (manager) => {
        const ids = await this.repository.feedbackIdsOfCustomers(manager, customers);
        await this.refreshItems(manager, ids, await readFacts(manager, ids));
        await this.addOutcomes(manager, await this.repository.outcomesOf(manager, customers, started));
      });
      after = customers[customers.length - 1];
      done += customers.length;
      onProgress(done);
    }
    await transaction(async (manager) =>
      this.addOutcomes(manager, await this.repository.outcomesOf(manager, null, started)),
    );
    await this.repository.setBackfillPending(false);
    return done;
  }

  /** Pre-aggregated counts of one grain and slice over buckets [from, to) (what the indices read). */
  counts(
    grain: CustomerGrain,
    buckets: [number, number],
    slice: { dimA: string; dimB: string; valueA?: string[]; valueB?: string[] },
  ): Promise<CountsRow[]> {
    return this.repository.counts(grain, buckets, slice);
  }

  private collect(changes: Map<string, [StateKey, Change[]]>, subject: string, at: number, change: Change) {
    for (const grain of CUSTOMER_GRAINS) {
      const key: StateKey = { subject, grain, bucket: bucketOf(grain, at) };
      const id = stateKeyString(key);
      const entry = changes.get(id);
      if (entry) entry[1].push(change);
      else changes.set(id, [key, [change]]);
    }
  }

  private async apply(
    manager: EntityManager,
    changes: Map<string, [StateKey, Change[]]>,
    outcomesOnly: boolean,
  ): Promise<void> {
    if (!changes.size) return;
    const ordered = [...changes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const before = await this.repository.lockStates(
      manager,
      ordered.map(([, [key]]) => key),
    );
    const deltas = new Map<CustomerGrain, CountsDelta>(CUSTOMER_GRAINS.map((g) => [g, new CountsDelta()]));
    const written: [StateKey, SubjectState | null][] = [];
    for (const [id, [key, list]] of ordered) {
      const isCustomer = key.subject !== '';
      const delta = deltas.get(key.grain)!;
      const found = before.get(id);
      if (outcomesOnly) {
        // Every outcome event changes its state: no copy to compare, the state is edited in place.
        const state = found ?? emptyState();
        if (found) delta.add(key.bucket, contributionOf(state, isCustomer, true), -1);
        for (const change of list) change(state);
        delta.add(key.bucket, contributionOf(state, isCustomer, true), 1);
        written.push([key, state]);
        continue;
      }
      const old = found ?? emptyState();
      // One serialisation of each side: the copy is parsed from the old text, the comparison is of texts.
      const oldText = JSON.stringify(old);
      const next: SubjectState = JSON.parse(oldText);
      for (const change of list) change(next);
      if (oldText === JSON.stringify(next)) {
        if (!found) written.push([key, null]);
        continue;
      }
      delta.add(key.bucket, contributionOf(old, isCustomer), -1);
      delta.add(key.bucket, contributionOf(next, isCustomer), 1);
      written.push([key, next]);
    }
    for (const [grain, delta] of deltas) await this.repository.addCounts(manager, grain, delta.sorted());
    await this.repository.writeStates(manager, written);
  }
}
