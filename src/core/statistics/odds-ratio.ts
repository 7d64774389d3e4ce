import { normalCritical } from './distributions';
import { LogisticTerm, logisticTerm } from './logistic-regression';

/**
 * The odds ratio of an event between an exposed and an unexposed group from their 2×2 table, with the Woolf
 * (Wald) interval and test: exactly the estimate, interval and p-value of a logistic regression on one 0/1
 * predictor (that model is saturated, so its fit reproduces the table), without a pass over every row.
 * Null when a cell is empty (the regression would not converge either).
 */
export function oddsRatioOfTable(
  exposed: { events: number; others: number },
  unexposed: { events: number; others: number },
  confidence = 0.95,
): LogisticTerm | null {
  const cells = [exposed.events, exposed.others, unexposed.events, unexposed.others];
  if (cells.some((c) => !(c > 0))) return null;
  const estimate = Math.log((exposed.events * unexposed.others) / (exposed.others * unexposed.events));
  const variance = cells.reduce((sum, c) => sum + 1 / c, 0);
  return logisticTerm(estimate, variance, normalCritical(confidence));
}
