import { sampleCorrelation, sampleRankCorrelation } from 'simple-statistics';
import { normalCritical, tTwoSidedP } from './distributions';
import { Interval } from './statistics.types';

/** A correlation with its sample size, 95 % (or `confidence`) interval and two-sided p-value for r = 0. */
export interface CorrelationResult {
  n: number;
  /** Null when n < 3 or a variable is constant (the correlation is undefined). */
  r: number | null;
  /** Fisher z interval; null when n < 4. */
  ci: Interval | null;
  pValue: number | null;
}

function pairsOf(x: number[], y: number[]): void {
  if (x.length !== y.length) throw new RangeError(`x and y differ in length (${x.length} vs ${y.length})`);
  if (![...x, ...y].every(Number.isFinite)) throw new RangeError('x and y must hold finite numbers only');
}

/**
 * r, its Fisher interval tanh(atanh r ± z·se) and the t test t = r·√((n−2)/(1−r²)) with n − 2 df.
 * `seFactor` widens the Fisher standard error 1/√(n−3) for Spearman (see `spearman`).
 */
function describe(n: number, r: number, confidence: number, seFactor: number): CorrelationResult {
  if (n < 3 || !Number.isFinite(r)) return { n, r: null, ci: null, pValue: null };
  const clamped = Math.max(-1, Math.min(1, r));
  const t = Math.abs(clamped) === 1 ? Infinity : clamped * Math.sqrt((n - 2) / (1 - clamped * clamped));
  const pValue = t === Infinity ? 0 : tTwoSidedP(t, n - 2);
  if (n < 4) return { n, r: clamped, ci: null, pValue };
  const half = (normalCritical(confidence) * seFactor) / Math.sqrt(n - 3);
  const z = Math.atanh(clamped);
  return { n, r: clamped, ci: { low: Math.tanh(z - half), high: Math.tanh(z + half) }, pValue };
}

/** Pearson's r (simple-statistics), Fisher z interval with se = 1/√(n−3), t-test p-value. */
export function pearson(x: number[], y: number[], confidence = 0.95): CorrelationResult {
  pairsOf(x, y);
  const n = x.length;
  return describe(n, n < 3 ? NaN : sampleCorrelation(x, y), confidence, 1);
}

/**
 * Spearman's rho (Pearson's r of midranks, so ties are handled; simple-statistics), with the Fisher interval
 * widened as Bonett & Wright (2000) advise for rank correlations, se = √(1 + rho²/2)/√(n−3), and the
 * usual t approximation for the p-value.
 */
export function spearman(x: number[], y: number[], confidence = 0.95): CorrelationResult {
  pairsOf(x, y);
  const n = x.length;
  const rho = n < 3 ? NaN : sampleRankCorrelation(x, y);
  return describe(n, rho, confidence, Number.isFinite(rho) ? Math.sqrt(1 + (rho * rho) / 2) : 1);
}
