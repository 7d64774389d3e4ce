import type { Period } from '../../rollups/query/time-buckets';
import type { CustomerItemRow, OutcomeRow } from '../index-sources.repository';
import { CustomerFigures, emptyCustomerFigures, emptyOutcomeFigures, OutcomeFigures } from './index-figures';

/** The period an instant falls in (periods sorted and disjoint), or −1. */
export function periodIndex(periods: Period[], at: number): number {
  let [lo, hi] = [0, periods.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < periods[mid].from) hi = mid - 1;
    else if (at >= periods[mid].to) lo = mid + 1;
    else return mid;
  }
  return -1;
}

type Grouped<T> = Map<string | null, T[]>;

function slot<T>(out: Grouped<T>, group: string | null, periods: number, make: () => T): T[] {
  let list = out.get(group);
  if (!list) out.set(group, (list = Array.from({ length: periods }, make)));
  return list;
}

/** Newest analysis per item: an item analysed twice counts once, with its current sentiment. */
export function newestAnalyses(items: CustomerItemRow[]): CustomerItemRow[] {
  const newest = new Map<string, CustomerItemRow>();
  for (const item of items) {
    const seen = newest.get(item.feedbackId);
    if (!seen || item.analysedAt > seen.analysedAt) newest.set(item.feedbackId, item);
  }
  return [...newest.values()];
}

/**
 * Customer-level counts per group and period: a customer belongs to the group of each of their items
 * (grouping by channel, a customer with items on two channels counts in both).
 */
export function customerFigures(
  items: CustomerItemRow[],
  periods: Period[],
  groupBy: string | undefined,
): Grouped<CustomerFigures> {
  const perCustomer = new Map<string, { pos: number; scored: number; negChannels: Set<string> }>();
  const keyOf = new Map<string, [string | null, number, string]>();
  for (const item of items) {
    if (item.sentiment === null) continue;
    const p = periodIndex(periods, item.at);
    if (p < 0) continue;
    const group = groupBy ? item.group[groupBy] : null;
    const key = `${group}\u0001${p}\u0001${item.customerId}`;
    let c = perCustomer.get(key);
    if (!c) {
      perCustomer.set(key, (c = { pos: 0, scored: 0, negChannels: new Set() }));
      keyOf.set(key, [group, p, item.customerId]);
    }
    c.scored++;
    if (item.sentiment === 'positive') c.pos++;
    if (item.sentiment === 'negative') c.negChannels.add(item.channel);
  }
  const out: Grouped<CustomerFigures> = new Map();
  for (const [key, c] of perCustomer) {
    const [group, p] = keyOf.get(key)!;
    const f = slot(out, group, periods.length, emptyCustomerFigures)[p];
    f.withSentiment++;
    if (c.scored >= 2) f.twoOrMore++;
    if (c.scored >= 2 && c.pos >= 2) f.twoOrMorePositive++;
    if (c.negChannels.size >= 2) f.recurringComplaints++;
  }
  return out;
}

/**
 * Outcome counts per segment (outcomes carry no channel or touchpoint) and period. Active customers are
 * those with an item (any sentiment) or a lifecycle event or referral in the period. An event without a segment
 * counts under that of the customer's latest item or event with one in the same period (on a tie the greater).
 * `items` are all the customers' items (for those segments); `segments`, when given, keeps only these.
 */
export function outcomeFigures(
  outcomes: OutcomeRow[],
  items: CustomerItemRow[],
  periods: Period[],
  bySegment: boolean,
  segments?: string[],
): Grouped<OutcomeFigures> {
  const out: Grouped<OutcomeFigures> = new Map();
  const sets = new Map<
    string,
    { active: Set<string>; referrers: Set<string>; life: Set<string>; churn: Set<string> }
  >();
  const kept = (segment: string) => !segments || segments.includes(segment);
  const setsOf = (group: string | null, p: number) => {
    const key = `${group}\u0001${p}`;
    let s = sets.get(key);
    if (!s) {
      sets.set(key, (s = { active: new Set(), referrers: new Set(), life: new Set(), churn: new Set() }));
      slot(out, group, periods.length, emptyOutcomeFigures);
    }
    return s;
  };
  const latest = new Map<string, [number, string]>();
  const consider = (customerId: string | null, p: number, at: number, segment: string) => {
    if (!customerId || !segment || p < 0) return;
    const key = `${customerId}\u0001${p}`;
    const best = latest.get(key);
    if (!best || at > best[0] || (at === best[0] && segment > best[1])) latest.set(key, [at, segment]);
  };
  for (const item of items)
    consider(item.customerId, periodIndex(periods, item.at), item.at, item.group.segment);
  for (const o of outcomes) consider(o.customerId, periodIndex(periods, o.at), o.at, o.segment);
  for (const item of items) {
    const p = periodIndex(periods, item.at);
    if (p >= 0 && kept(item.group.segment))
      setsOf(bySegment ? item.group.segment : null, p).active.add(item.customerId);
  }
  for (const o of outcomes) {
    const p = periodIndex(periods, o.at);
    if (p < 0) continue;
    const segment = o.segment || (o.customerId ? (latest.get(`${o.customerId}\u0001${p}`)?.[1] ?? '') : '');
    if (!kept(segment)) continue;
    const group = bySegment ? segment : null;
    const s = setsOf(group, p);
    const f = out.get(group)![p];
    if (o.type === 'referral') {
      if (o.customerId) s.referrers.add(o.customerId);
      if (o.event === 'invited') f.invited++;
      if (o.event === 'converted') f.converted++;
    } else if (o.type === 'lifecycle' && o.customerId) {
      s.active.add(o.customerId);
      s.life.add(o.customerId);
      if (o.event === 'churned') s.churn.add(o.customerId);
    } else if (o.type === 'retention') {
      f.retentionAtStart += o.customersAtStart ?? 0;
      f.retained += o.retained ?? 0;
    }
  }
  for (const [key, s] of sets) {
    const [group, p] = key.split('\u0001');
    const f = out.get(group === 'null' && !bySegment ? null : group)![Number(p)];
    // A referrer counts as active: referring is activity, so the share stays within 0..1.
    for (const r of s.referrers) s.active.add(r);
    f.activeCustomers = s.active.size;
    f.referrers = s.referrers.size;
    f.lifecycleCustomers = s.life.size;
    f.churnedCustomers = s.churn.size;
  }
  return out;
}
