import { demoCustomer, DemoCustomer, Segment } from './demo-company';
import type { DemoCustomerFacts } from './demo-customer-facts';
import { DEMO_DEFAULTS, defaultDemoStart } from './generate-demo-feedback';
import { SeededRandom } from './seeded-random';

/**
 * The effects planted in the demo's outcomes, so correlations, drivers and indices have something true
 * to find. Sizes are probabilities per customer over the whole period (docs/outcomes.md quotes them).
 */
export const PLANTED_OUTCOME_EFFECTS = {
  /** Share of customers who churn in the period… */
  churnBase: 0.1,
  /** …times this for customers who gave negative checkout feedback (they churn 1-3 weeks after it). */
  negativeCheckoutChurnFactor: 2,
  /**
   * Unhappy customers churn more: each customer's churn odds are scaled by e^(−k·mood) (mood −0.5..0.6), divided by
   * that factor's mean within their checkout group, so the 2× between the groups stays exact.
   */
  moodChurnSlope: 3,
  /** Share of customers who refer someone… */
  referralBase: 0.06,
  /** …times this for promoters (latest NPS answer 9 or 10). */
  promoterReferralFactor: 3,
  /** This segment's churn all falls from the checkout problem's week on: its retention drops then. */
  trustSegment: 'trail_club' as Segment,
  /** Churned customers who come back a few weeks later. */
  reactivationShare: 0.2,
  renewalEveryWeeks: 4,
} as const;

const PRICE: Record<Segment, number | undefined> = {
  consumer: undefined,
  trail_club: 9.99,
  small_business: 49,
  enterprise: 499,
};
const DAY_MS = 86_400_000;

export interface DemoOutcomeOptions {
  customers?: number;
  weeks?: number;
  seed?: number;
  start?: Date;
  incidentFromWeek?: number;
}

export type DemoOutcomeItem = Record<string, unknown> & { type: string; occurredAt: string };

/**
 * Outcome events of Northwind Outdoor's customers (the same people as the feedback, by externalId and
 * email): everyone subscribed in week 1, paying segments renew every 4 weeks, purchases, churn (and some
 * come back), referrals with their invited → signed_up → converted steps, and 4-weekly retention figures
 * per segment computed from the same churn. Same options and facts → identical output.
 */
export function* generateDemoOutcomes(
  options: DemoOutcomeOptions,
  facts: DemoCustomerFacts,
): Generator<DemoOutcomeItem> {
  const weeks = options.weeks ?? DEMO_DEFAULTS.weeks;
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const incidentFromWeek = options.incidentFromWeek ?? DEMO_DEFAULTS.incidentFromWeek;
  const start = (options.start ?? defaultDemoStart(weeks)).getTime();
  const churnWeeks = new Int16Array(facts.customers);
  const moodScale = moodScales(facts, seed);
  for (let index = 0; index < facts.customers; index++) {
    const random = new SeededRandom(seed, index, 0x0c7e);
    const customer = demoCustomer(seed, index);
    const at = (week: number) =>
      new Date(
        start + (week - 1) * 7 * DAY_MS + random.int(0, 6) * DAY_MS + random.int(8, 20) * 3_600_000,
      ).toISOString();
    const event = (name: string, week: number, extra: Record<string, unknown> = {}): DemoOutcomeItem => ({
      type: 'lifecycle',
      source: 'northwind-billing',
      externalId: `demo-${seed}-${index}-${name}-${week}`,
      customer: { externalId: customer.externalId, email: customer.email, segment: customer.segment },
      event: name,
      ...extra,
      occurredAt: at(week),
    });
    const price = PRICE[customer.segment];
    const paid = price === undefined ? {} : { value: price, currency: 'GBP' };
    const churnWeek = drawChurnWeek(
      random,
      customer,
      facts.negativeCheckoutWeek[index],
      weeks,
      incidentFromWeek,
      moodScale,
    );
    churnWeeks[index] = churnWeek;
    const activeUntil = churnWeek || weeks + 1;

    yield event('subscribed', 1, paid);
    if (price !== undefined)
      for (let week = 1 + PLANTED_OUTCOME_EFFECTS.renewalEveryWeeks; week < activeUntil; week += 4)
        yield event('renewed', week, paid);
    for (let n = random.poisson(1.5); n > 0; n--) {
      const week = random.int(1, Math.max(1, activeUntil - 1));
      yield {
        ...event('purchased', week, { value: random.int(20, 300), currency: 'GBP' }),
        externalId: `demo-${seed}-${index}-purchase-${n}`,
      };
    }
    if (churnWeek) {
      yield event('churned', churnWeek);
      const back = churnWeek + random.int(2, 4);
      if (random.chance(PLANTED_OUTCOME_EFFECTS.reactivationShare) && back <= weeks)
        yield event('reactivated', back, paid);
    }
    yield* referrals(random, customer, index, facts, weeks, seed, at);
  }
  yield* retentionFigures(churnWeeks, weeks, seed, start);
}

/** e^(−k·mood) over its mean in the customer's checkout group (negative feedback or not). */
function moodScales(
  facts: DemoCustomerFacts,
  seed: number,
): (customer: DemoCustomer, negative: boolean) => number {
  const sums = [0, 0];
  const counts = [0, 0];
  const weight = (mood: number) => Math.exp(-PLANTED_OUTCOME_EFFECTS.moodChurnSlope * mood);
  for (let index = 0; index < facts.customers; index++) {
    const group = facts.negativeCheckoutWeek[index] > 0 ? 1 : 0;
    sums[group] += weight(demoCustomer(seed, index).mood);
    counts[group]++;
  }
  const means = sums.map((sum, i) => (counts[i] ? sum / counts[i] : 1));
  return (customer, negative) => weight(customer.mood) / means[negative ? 1 : 0];
}

/** 0: stays. Negative checkout doubles the odds and the churn follows it; the trust segment churns late. */
function drawChurnWeek(
  random: SeededRandom,
  customer: DemoCustomer,
  negativeCheckoutWeek: number,
  weeks: number,
  incidentFromWeek: number,
  moodScale: (customer: DemoCustomer, negative: boolean) => number,
): number {
  const negative = negativeCheckoutWeek > 0;
  const factor =
    (negative ? PLANTED_OUTCOME_EFFECTS.negativeCheckoutChurnFactor : 1) * moodScale(customer, negative);
  const roll = random.next();
  const draw = random.int(2, weeks);
  const lag = random.int(1, 3);
  if (roll >= PLANTED_OUTCOME_EFFECTS.churnBase * factor) return 0;
  let week = negativeCheckoutWeek ? Math.min(weeks, negativeCheckoutWeek + lag) : draw;
  // The trust segment's early churn moves into the weeks after the problem, spread evenly over them.
  const trust = customer.segment === PLANTED_OUTCOME_EFFECTS.trustSegment && weeks >= incidentFromWeek;
  if (trust && week < incidentFromWeek) week = incidentFromWeek + (week % (weeks - incidentFromWeek + 1));
  return Math.min(week, weeks);
}

function* referrals(
  random: SeededRandom,
  customer: DemoCustomer,
  index: number,
  facts: DemoCustomerFacts,
  weeks: number,
  seed: number,
  at: (week: number) => string,
): Generator<DemoOutcomeItem> {
  const promoter = facts.isPromoter(index);
  const share =
    PLANTED_OUTCOME_EFFECTS.referralBase * (promoter ? PLANTED_OUTCOME_EFFECTS.promoterReferralFactor : 1);
  if (!random.chance(share)) return;
  const count = random.chance(0.3) ? 2 : 1;
  for (let k = 1; k <= count; k++) {
    const from = promoter ? facts.lastNpsWeek[index] : 1;
    let week = random.int(from, weeks);
    const friend = `friend.${seed}.${index}.${k}@example.net`;
    const step = (status: string): DemoOutcomeItem => ({
      type: 'referral',
      source: 'northwind-referrals',
      externalId: `demo-${seed}-${index}-ref${k}-${status}`,
      referrer: { externalId: customer.externalId, email: customer.email, segment: customer.segment },
      referred: { email: friend },
      status,
      occurredAt: at(week),
    });
    yield step('invited');
    if (!random.chance(0.5) || week >= weeks) continue;
    week++;
    yield step('signed_up');
    if (!random.chance(0.5) || week >= weeks) continue;
    week++;
    yield step('converted');
  }
}

/** Per 4-week period and segment, from the same churn: they add up by construction. */
function* retentionFigures(
  churnWeeks: Int16Array,
  weeks: number,
  seed: number,
  start: number,
): Generator<DemoOutcomeItem> {
  const segments = new Map<Segment, number[]>();
  for (let index = 0; index < churnWeeks.length; index++) {
    const segment = demoCustomer(seed, index).segment;
    const list = segments.get(segment) ?? [];
    list.push(churnWeeks[index]);
    segments.set(segment, list);
  }
  for (let first = 1; first + 3 <= weeks; first += 4) {
    const last = first + 3;
    for (const [segment, churns] of segments) {
      const atStart = churns.filter((w) => w === 0 || w >= first).length;
      const churned = churns.filter((w) => w >= first && w <= last).length;
      yield {
        type: 'retention',
        source: 'northwind-finance',
        externalId: `demo-${seed}-retention-${segment}-w${first}`,
        periodStart: new Date(start + (first - 1) * 7 * DAY_MS).toISOString(),
        periodEnd: new Date(start + last * 7 * DAY_MS).toISOString(),
        segment,
        customersAtStart: atStart,
        retained: atStart - churned,
        churned,
        occurredAt: new Date(start + last * 7 * DAY_MS - 1000).toISOString(),
      };
    }
  }
}
