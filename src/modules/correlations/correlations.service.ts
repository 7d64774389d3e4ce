import { Injectable } from '@nestjs/common';
import { logisticRegression, pearson, spearman } from '../../core/statistics';
import type { CorrelationResult, LogisticRegressionResult } from '../../core/statistics';
import {
  CustomerFactsGroup,
  CustomerFactsRepository,
  FactsRange,
  FactsSource,
} from './customer-facts.repository';

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
    const groups = await this.facts.groups(range, source);
    const customers = expand(groups);
    const both = customers.filter((c) => c.nps !== null);
    const [x, y] = [both.map((c) => c.sentiment), both.map((c) => c.nps!)];
    return {
      from: range.from?.toISOString() ?? null,
      to: range.to?.toISOString() ?? null,
      segment: range.segment ?? null,
      customers: customers.length,
      sentimentVsNps: { n: both.length, pearson: pearson(x, y), spearman: spearman(x, y) },
      sentimentVsChurn: odds(customers, (c) => c.churned),
      sentimentVsReferral: odds(customers, (c) => c.referred),
    };
  }
}

/**
 * One entry per customer again (a group's values repeated), groups in value order: the sums and the regression's
 * iterations then do not depend on the order the database returned the groups in.
 */
export function expand(groups: CustomerFactsGroup[]): Omit<CustomerFactsGroup, 'customers'>[] {
  const sorted = [...groups].sort(
    (a, b) =>
      a.sentiment - b.sentiment ||
      (a.nps ?? -Infinity) - (b.nps ?? -Infinity) ||
      Number(a.churned) - Number(b.churned) ||
      Number(a.referred) - Number(b.referred),
  );
  const customers: Omit<CustomerFactsGroup, 'customers'>[] = [];
  for (const { customers: count, ...values } of sorted)
    for (let i = 0; i < count; i++) customers.push(values);
  return customers;
}

function odds(
  rows: Omit<CustomerFactsGroup, 'customers'>[],
  outcome: (c: Omit<CustomerFactsGroup, 'customers'>) => boolean,
): OddsResult {
  const y = rows.map((c) => (outcome(c) ? 1 : 0) as 0 | 1);
  const events = y.filter((v) => v === 1).length;
  let fit: LogisticRegressionResult | null = null;
  if (rows.length >= 10)
    fit = logisticRegression(
      rows.map((c) => [c.sentiment]),
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
