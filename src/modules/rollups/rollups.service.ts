import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { HOURS_PER_DAY, RollupDelta, RollupFacts, rowsOf } from './rollup-facts';
import { sliceDeltas } from './rollup-slices';
import { CustomerFiguresService } from './customer-figures/customer-figures.service';
import { CustomerItemFactsRepository } from './item-facts/customer-item-facts.repository';
import { RollupRepository } from './rollup.repository';
import { readFacts } from './rollup-source.reader';

/**
 * Keeps the rollups equal to the raw rows. `refresh` runs inside the caller's transaction (the one that stores an
 * analysis, erases a customer or deletes feedback): it reads what each item adds now, subtracts what it added
 * before (kept per item in `rollup_contributions`) and adds the new figures. Running it twice changes nothing.
 */
@Injectable()
export class RollupsService {
  constructor(
    private readonly repository: RollupRepository,
    private readonly customerFigures: CustomerFiguresService,
    private readonly itemFacts: CustomerItemFactsRepository,
  ) {}

  async refresh(manager: EntityManager, feedbackIds: string[]): Promise<void> {
    const ids = [...new Set(feedbackIds)].sort();
    if (!ids.length) return;
    const before = await this.repository.lockContributions(manager, ids);
    // Every item, not only those whose rollup facts changed: these copies also keep items the rollups leave out
    // (pending re-analysis, erased customers), as correlations always counted them.
    await this.itemFacts.refresh(manager, ids);
    const now = await readFacts(manager, ids);
    const hours = new RollupDelta();
    const days = new RollupDelta();
    const changed: string[] = [];
    const kept: { feedbackId: string; facts: string }[] = [];
    for (const id of ids) {
      const old = before.get(id) ?? null;
      const next = now.get(id) ?? null;
      const nextJson = next ? JSON.stringify(next) : null;
      if ((old ? JSON.stringify(old) : null) === nextJson) continue;
      changed.push(id);
      if (old) this.apply(hours, days, old, -1);
      if (next && nextJson) {
        this.apply(hours, days, next, 1);
        kept.push({ feedbackId: id, facts: nextJson });
      }
    }
    if (!changed.length) return;
    const [hourSums, daySums] = [hours.sorted(), days.sorted()];
    await this.repository.addSums(manager, 'hour', hourSums);
    await this.repository.addSums(manager, 'day', daySums);
    for (const [grain, deltas] of sliceDeltas(hourSums, daySums))
      await this.repository.addSlices(manager, grain, deltas);
    await this.customerFigures.refreshItems(manager, changed, now);
    await this.repository.replaceContributions(manager, changed, kept);
  }

  /** Erasure: the customer's items leave the rollups (call after marking the customer erased). */
  async refreshCustomer(manager: EntityManager, customerId: string): Promise<void> {
    await this.refresh(manager, await this.repository.feedbackIdsOfCustomer(manager, customerId));
    await this.customerFigures.eraseCustomer(manager, customerId);
  }

  /** Recomputes everything from the raw rows, a page of items per transaction. */
  async rebuild(
    onProgress: (done: number, total: number) => void = () => {},
    pageSize = 2_000,
  ): Promise<number> {
    const done = await this.rebuildItems(onProgress, pageSize);
    await this.customerFigures.rebuild((work) => this.repository.transaction(work));
    // Also drops copies of items that no longer exist (the page-by-page refresh only visits existing ones).
    await this.itemFacts.refill();
    return done;
  }

  private async rebuildItems(
    onProgress: (done: number, total: number) => void,
    pageSize: number,
  ): Promise<number> {
    const total = await this.repository.countFeedback();
    await this.repository.clear();
    let after = '';
    let done = 0;
    onProgress(0, total);
    for (;;) {
      const ids = await this.repository.feedbackIdsAfter(after, pageSize);
      if (!ids.length) break;
      await this.repository.transaction((manager) => this.refresh(manager, ids));
      after = ids[ids.length - 1];
      done += ids.length;
      onProgress(done, Math.max(total, done));
    }
    return done;
  }

  private apply(hours: RollupDelta, days: RollupDelta, facts: RollupFacts, sign: 1 | -1): void {
    hours.add(rowsOf(facts, facts.hour, sign));
    days.add(rowsOf(facts, Math.floor(facts.hour / HOURS_PER_DAY), sign));
  }
}
