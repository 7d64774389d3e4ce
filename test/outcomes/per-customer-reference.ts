import { DataSource } from 'typeorm';
import { logisticRegression, pearson, spearman } from '../../src/core/statistics';
import {
  FactsRange,
  NEWEST_ANALYSIS,
  whereInRange,
} from '../../src/modules/correlations/customer-facts.repository';

/**
 * The way correlations and drivers read customers before they were grouped in the database: one row per
 * customer from three separate reads of the raw rows, assembled in code, in customer id order. Tests compare
 * the grouped answers with it.
 */
export interface CustomerFacts {
  sentiment?: number;
  nps?: number;
  churned: boolean;
  referred: boolean;
}

export async function perCustomerFacts(
  db: DataSource,
  range: FactsRange,
): Promise<Map<string, CustomerFacts>> {
  const facts = new Map<string, CustomerFacts>();
  const of = (id: string) => {
    let f = facts.get(id);
    if (!f) facts.set(id, (f = { churned: false, referred: false }));
    return f;
  };
  const feedback = db.createQueryBuilder().from('feedback', 'f').where('f.customer_id IS NOT NULL');
  whereInRange(feedback, 'f', range);
  const scores = await feedback
    .clone()
    .innerJoin('feedback_analysis', 'a', 'a.feedback_id = f.id')
    .andWhere(NEWEST_ANALYSIS)
    .andWhere('a.sentiment_score IS NOT NULL')
    .select('f.customer_id', 'customer')
    .addSelect('AVG(a.sentiment_score)', 'sentiment')
    .groupBy('f.customer_id')
    .getRawMany<{ customer: string; sentiment: string | number }>();
  const nps = await feedback
    .clone()
    .andWhere('f.nps_score IS NOT NULL')
    .select('f.customer_id', 'customer')
    .addSelect('AVG(f.nps_score)', 'nps')
    .groupBy('f.customer_id')
    .getRawMany<{ customer: string; nps: string | number }>();
  const outcomes = db
    .createQueryBuilder()
    .from('outcomes', 'o')
    .select(['o.customer_id AS customer', 'o.type AS type'])
    .distinct(true)
    .where("((o.type = 'lifecycle' AND o.event = 'churned') OR o.type = 'referral')")
    .andWhere('o.customer_id IS NOT NULL');
  whereInRange(outcomes, 'o', range);
  for (const r of scores) of(r.customer).sentiment = Number(r.sentiment);
  for (const r of nps) of(r.customer).nps = Number(r.nps);
  for (const r of await outcomes.getRawMany<{ customer: string; type: string }>())
    if (r.type === 'referral') of(r.customer).referred = true;
    else of(r.customer).churned = true;
  return facts;
}

/** Who raised which topic negatively (newest analysis), per topic. */
export async function perCustomerTopics(
  db: DataSource,
  range: FactsRange,
): Promise<Map<string, Set<string>>> {
  const q = db
    .createQueryBuilder()
    .from('feedback', 'f')
    .innerJoin('feedback_analysis', 'a', 'a.feedback_id = f.id')
    .innerJoin(
      'feedback_topics',
      't',
      't.feedback_id = a.feedback_id AND t.pipeline_version = a.pipeline_version',
    )
    .where('f.customer_id IS NOT NULL')
    .andWhere(NEWEST_ANALYSIS)
    .andWhere("t.sentiment_label = 'negative'");
  whereInRange(q, 'f', range);
  const raised = new Map<string, Set<string>>();
  const rows = await q
    .select(['f.customer_id AS customer', 't.topic_key AS topic'])
    .distinct(true)
    .getRawMany<{ customer: string; topic: string }>();
  for (const { customer, topic } of rows) raised.set(topic, (raised.get(topic) ?? new Set()).add(customer));
  return raised;
}

/** The correlations' figures from the per-customer facts, in customer id order. */
export function perCustomerCorrelations(facts: Map<string, CustomerFacts>) {
  const all = [...facts.keys()].sort().map((id) => facts.get(id)!);
  const withSentiment = all.filter((f) => f.sentiment !== undefined);
  const both = withSentiment.filter((f) => f.nps !== undefined);
  const [x, y] = [both.map((f) => f.sentiment!), both.map((f) => f.nps!)];
  const odds = (outcome: (f: CustomerFacts) => boolean) => {
    const ys = withSentiment.map((f) => (outcome(f) ? 1 : 0) as 0 | 1);
    const fit =
      withSentiment.length >= 10
        ? logisticRegression(
            withSentiment.map((f) => [f.sentiment!]),
            ys,
          )
        : null;
    const term = fit?.coefficients[0];
    return {
      n: withSentiment.length,
      events: ys.filter((v) => v === 1).length,
      oddsRatio: term?.oddsRatio ?? null,
      ci: term?.oddsRatioCi ?? null,
      pValue: term?.pValue ?? null,
      coefficient: term?.estimate ?? null,
    };
  };
  return {
    customers: withSentiment.length,
    sentimentVsNps: { n: both.length, pearson: pearson(x, y), spearman: spearman(x, y) },
    sentimentVsChurn: odds((f) => f.churned),
    sentimentVsReferral: odds((f) => f.referred),
  };
}

/** Every number in `actual` equal to `expected`'s to `digits` significant digits; everything else equal. */
export function expectClose(actual: unknown, expected: unknown, digits = 10, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
    if (Math.abs(actual - expected) / scale > 10 ** -digits)
      throw new Error(`${path}: ${actual} differs from ${expected}`);
    return;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') throw new Error(`${path}: ${String(actual)} is not an object`);
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const k of keys)
      expectClose(
        (actual as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        digits,
        `${path}.${k}`,
      );
    return;
  }
  if (actual !== expected) throw new Error(`${path}: ${String(actual)} is not ${String(expected)}`);
}
