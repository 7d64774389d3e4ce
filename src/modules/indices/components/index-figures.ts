import type { RollupSums } from '../../rollups/rollup-facts';

/** Counts from outcome events of one group and period (what the outcome-based components need). */
export interface OutcomeFigures {
  /** Distinct customers with feedback or a lifecycle event in the period. */
  activeCustomers: number;
  /** Distinct referrers among them. */
  referrers: number;
  invited: number;
  converted: number;
  /** Retention figures whose period ends in this period. */
  retentionAtStart: number;
  retained: number;
  /** Without retention figures: distinct customers with a lifecycle event, and those who churned. */
  lifecycleCustomers: number;
  churnedCustomers: number;
}

/** Counts of customers from their analysed feedback in one group and period. */
export interface CustomerFigures {
  /** Customers with at least one item with a sentiment. */
  withSentiment: number;
  /** Customers with ≥ 2 items with a sentiment, and those of them with ≥ 2 positive ones. */
  twoOrMore: number;
  twoOrMorePositive: number;
  /** Customers with negative items on ≥ 2 channels. */
  recurringComplaints: number;
}

/** Everything the three indices of one group and period are computed from. */
export interface IndexFigures {
  /** Feedback sums (all kinds that the filters allow). */
  feedback: RollupSums;
  /** Feedback sums of public mentions only (reviews and social mentions). */
  publicMentions: RollupSums;
  outcomes: OutcomeFigures;
  customers: CustomerFigures;
}

export const emptyOutcomeFigures = (): OutcomeFigures => ({
  activeCustomers: 0,
  referrers: 0,
  invited: 0,
  converted: 0,
  retentionAtStart: 0,
  retained: 0,
  lifecycleCustomers: 0,
  churnedCustomers: 0,
});

export const emptyCustomerFigures = (): CustomerFigures => ({
  withSentiment: 0,
  twoOrMore: 0,
  twoOrMorePositive: 0,
  recurringComplaints: 0,
});
