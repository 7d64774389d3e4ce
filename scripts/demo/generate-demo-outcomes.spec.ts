import { validateOutcomeInput } from '../../src/modules/outcomes/validation/validate-outcome-input';
import { demoCustomer } from './demo-company';
import { DemoCustomerFacts } from './demo-customer-facts';
import { generateDemoFeedback } from './generate-demo-feedback';
import { DemoOutcomeItem, generateDemoOutcomes, PLANTED_OUTCOME_EFFECTS } from './generate-demo-outcomes';

const start = new Date('2026-01-05T00:00:00Z');
const options = { customers: 6_000, weeks: 26, seed: 11, start };
const facts = new DemoCustomerFacts(options.customers);
let feedbackItems = 0;
for (const item of generateDemoFeedback({ ...options, observe: facts.observe }))
  feedbackItems += item ? 1 : 0;
const outcomes: DemoOutcomeItem[] = [...generateDemoOutcomes(options, facts)];
const afterEnd = start.getTime() + 27 * 7 * 86_400_000;
const WEEK_MS = 7 * 86_400_000;
const weekOf = (item: DemoOutcomeItem) =>
  Math.floor((Date.parse(item.occurredAt) - start.getTime()) / WEEK_MS) + 1;

/** Customer index by externalId, so outcomes are read the way Hearken reads them (by identity). */
const indexOf = new Map(
  Array.from({ length: options.customers }, (_, i) => [demoCustomer(11, i).externalId, i]),
);
const customersWith = (predicate: (item: DemoOutcomeItem) => boolean, person: 'customer' | 'referrer') =>
  new Set(
    outcomes.filter(predicate).map((o) => indexOf.get((o[person] as { externalId: string }).externalId)!),
  );
const share = (group: number[], hits: Set<number>) => group.filter((i) => hits.has(i)).length / group.length;
const all = Array.from({ length: options.customers }, (_, i) => i);

describe('generateDemoOutcomes', () => {
  it('produces valid outcome events of every type and is deterministic', () => {
    expect(feedbackItems).toBeGreaterThan(10_000);
    const invalid = outcomes.filter((o) => !validateOutcomeInput(o, { now: afterEnd }).ok);
    expect(invalid.slice(0, 3)).toEqual([]);
    expect(new Set(outcomes.map((o) => o.type))).toEqual(new Set(['lifecycle', 'referral', 'retention']));
    const keys = outcomes.map((o) => `${o.source as string}|${o.externalId as string}`);
    expect(new Set(keys).size).toBe(keys.length);
    const again = [...generateDemoOutcomes(options, facts)];
    expect(JSON.stringify(again.slice(0, 500))).toBe(JSON.stringify(outcomes.slice(0, 500)));
  });

  it('plants: customers with negative checkout feedback churn twice as often', () => {
    const churned = customersWith((o) => o.event === 'churned', 'customer');
    const negative = all.filter((i) => facts.negativeCheckoutWeek[i] > 0);
    const rest = all.filter((i) => facts.negativeCheckoutWeek[i] === 0);
    expect(negative.length).toBeGreaterThan(300);
    const ratio = share(negative, churned) / share(rest, churned);
    expect(ratio).toBeGreaterThan(PLANTED_OUTCOME_EFFECTS.negativeCheckoutChurnFactor * 0.8);
    expect(ratio).toBeLessThan(PLANTED_OUTCOME_EFFECTS.negativeCheckoutChurnFactor * 1.2);
    expect(share(rest, churned)).toBeCloseTo(PLANTED_OUTCOME_EFFECTS.churnBase, 1);
  });

  it('plants: promoters refer three times as often', () => {
    const referrers = customersWith((o) => o.type === 'referral' && o.status === 'invited', 'referrer');
    const promoters = all.filter((i) => facts.isPromoter(i));
    const others = all.filter((i) => !facts.isPromoter(i));
    expect(promoters.length).toBeGreaterThan(500);
    const ratio = share(promoters, referrers) / share(others, referrers);
    expect(ratio).toBeGreaterThan(PLANTED_OUTCOME_EFFECTS.promoterReferralFactor * 0.8);
    expect(ratio).toBeLessThan(PLANTED_OUTCOME_EFFECTS.promoterReferralFactor * 1.2);
  });

  it("plants: the trust segment's retention falls after the checkout problem (week 18), others stay", () => {
    const retention = outcomes.filter((o) => o.type === 'retention');
    for (const r of retention)
      expect((r.retained as number) + (r.churned as number)).toBe(r.customersAtStart);
    const rate = (segment: string, after: boolean) => {
      const rows = retention.filter((r) => r.segment === segment && weekOf(r) >= 18 === after);
      const sum = (key: string) => rows.reduce((s, r) => s + (r[key] as number), 0);
      return sum('retained') / sum('customersAtStart');
    };
    const trust = PLANTED_OUTCOME_EFFECTS.trustSegment;
    expect(rate(trust, false) - rate(trust, true)).toBeGreaterThan(0.04);
    expect(Math.abs(rate('consumer', false) - rate('consumer', true))).toBeLessThan(0.03);
    const trustChurns = outcomes.filter(
      (o) => o.event === 'churned' && (o.customer as { segment: string }).segment === trust,
    );
    expect(trustChurns.every((o) => weekOf(o) >= 18)).toBe(true);
  });

  it('ties every churn to an earlier subscription, so none is flagged', () => {
    const subscribed = new Map(
      outcomes
        .filter((o) => o.event === 'subscribed')
        .map((o) => [(o.customer as { externalId: string }).externalId, Date.parse(o.occurredAt)]),
    );
    for (const churn of outcomes.filter((o) => o.event === 'churned'))
      expect(subscribed.get((churn.customer as { externalId: string }).externalId)).toBeLessThan(
        Date.parse(churn.occurredAt),
      );
  });
});
