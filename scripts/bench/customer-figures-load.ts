import { DataSource } from 'typeorm';
import {
  bucketEnd,
  bucketOf,
  CUSTOMER_GRAINS,
  CustomerGrain,
} from '../../src/modules/rollups/customer-figures/customer-buckets';
import {
  addOutcome,
  contributionOf,
  CountsDelta,
  emptyState,
  itemEntryDims,
  SubjectState,
} from '../../src/modules/rollups/customer-figures/customer-contribution';
import {
  CustomerFiguresRepository,
  OutcomeSourceRow,
  StateKey,
  stateKeyString,
} from '../../src/modules/rollups/customer-figures/customer-figures.repository';
import { RollupFacts } from '../../src/modules/rollups/rollup-facts';

/**
 * The customer-level figures of a bulk load, built in memory with the same state → counts code the incremental
 * path runs and upserted by the real repository, a bucket once it is complete. Per-subject states are not
 * written (only a later change would need them), as the loader skips per-item rollup contributions.
 */
export class CustomerFiguresLoad {
  private readonly states = new Map<string, [StateKey, SubjectState]>();
  private readonly repository: CustomerFiguresRepository;

  constructor(private readonly dataSource: DataSource) {
    this.repository = new CustomerFiguresRepository(dataSource);
  }

  addItem(customerId: string, feedbackId: string, at: number, facts: RollupFacts): void {
    const entry = { d: itemEntryDims(facts.dims), s: facts.sentiment?.label ?? null, t: at };
    for (const state of this.statesOf(customerId, at)) state.items[feedbackId] = entry;
  }

  addOutcome(o: OutcomeSourceRow): void {
    const { id: _id, customerId, ...entry } = o;
    for (const state of this.statesOf(customerId ?? '', o.t)) addOutcome(state, entry);
  }

  /**
   * Takes the counts of every bucket that ends by `before` (all with Infinity) now, forgetting their states, and
   * returns their write, so the loader can build the next week while it runs.
   */
  take(before: number): () => Promise<void> {
    const deltas = new Map<CustomerGrain, CountsDelta>(CUSTOMER_GRAINS.map((g) => [g, new CountsDelta()]));
    for (const [id, [key, state]] of this.states) {
      if (bucketEnd(key.grain, key.bucket) > before) continue;
      deltas.get(key.grain)!.add(key.bucket, contributionOf(state, key.subject !== ''), 1);
      this.states.delete(id);
    }
    const rows = [...deltas].map(([grain, delta]) => [grain, delta.sorted()] as const);
    return () =>
      this.dataSource.transaction(async (m) => {
        for (const [grain, sorted] of rows) await this.repository.addCounts(m, grain, sorted);
      });
  }

  private *statesOf(subject: string, at: number): Iterable<SubjectState> {
    for (const grain of CUSTOMER_GRAINS) {
      const key: StateKey = { subject, grain, bucket: bucketOf(grain, at) };
      const id = stateKeyString(key);
      let entry = this.states.get(id);
      if (!entry) this.states.set(id, (entry = [key, emptyState()]));
      yield entry[1];
    }
  }
}
