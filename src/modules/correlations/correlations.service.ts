import { Injectable } from '@nestjs/common';
import { logisticRegression, pearson, spearman } from '../../core/statistics';
import type { CorrelationResult, LogisticRegressionResult } from '../../core/statistics';
import { CustomerFacts, CustomerFactsRepository, FactsRange, FactsSource } from './customer-facts.repository';

export interface OddsResult {
  n: number;
  /** Customers with the outcome among n. */
  events: number;
  /** Change in the outcome's odds per +1 of mean sentiment (the whole scale is −1..1). */
  oddsRatio: number | null;
  ci: { low: number; high: number } | null;
  pValue: number | null;
  coefficient: number | null;
}

export interface CorrelationsAnswer {
  from: string | null;
  to: string | null;
  segment: string | null;
  customers: number;
  sentimentVsNps: { n: number; pearson: CorrelationResult; spearman: CorrelationResult };
  sentimentVsChurn: OddsResult;
  sentimentVsReferral: OddsResult;
}

/** §4 of issue 11: how what customers say moves with what they do, at customer level. */
@Injectable()
export class CorrelationsService {
  constructor(private readonly facts: CustomerFactsRepository) {}

  /** `source` is for the equivalence test: both must give the same answer. */
  async correlations(range: FactsRange, source?: FactsSource): Promise<CorrelationsAnswer> {
    const loaded = await this.facts.load(range, source);
    // In customer id order: sums and the regression's iterations then do not depend on the database's row order.
    const facts = [...loaded.keys()].sort().map((id) => loaded.get(id)!);
    const withSentiment = facts.filter(
      (f): f is CustomerFacts & { sentiment: number } => f.sentiment !== undefined,
    );
    const both = withSentiment.filter((f) => f.nps !== undefined);
    const [x, y] = [both.map((f) => f.sentiment), both.map((f) => f.nps!)];
    return {
      from: range.from?.toISOString() ?? null,
      to: range.to?.toISOString() ?? null,
      segment: range.segment ?? null,
      customers: withSentiment.length,
      sentimentVsNps: { n: both.length, pearson: pearson(x, y), spearman: spearman(x, y) },
      sentimentVsChurn: odds(withSentiment, (f) => f.churned),
      sentimentVsReferral: odds(withSentiment, (f) => f.referred),
    };
  }
}

function odds(
  rows: (CustomerFacts & { sentiment: number })[],
  outcome: (f: CustomerFacts) => boolean,
): OddsResult {
  const y = rows.map((f) => (outcome(f) ? 1 : 0) as 0 | 1);
  const events = y.filter((v) => v === 1).length;
  let fit: LogisticRegressionResult | null = null;
  if (rows.length >= 10)
    fit = logisticRegression(
      rows.map((f) => [f.sentiment]),
      y,
    );
  const term = fit?.coefficients[0];
  return {
    n: rows.length,
    events,
    oddsRatio: term?.oddsRatio ?? null,
    ci: term?.oddsRatioCi ?? null,
    pValue: term?.pValue ?? null,
    coefficient: term?.estimate ?? null,
  };
}
