import { assertCount, tCritical, tTwoSidedP } from './distributions';
import { ChangeTest, Interval, MeanSums } from './statistics.types';

/** Sample variance (n − 1 denominator) from sums; rounding can make it slightly negative, hence the floor. */
function sampleVariance({ n, sum, sumOfSquares }: MeanSums): number {
  return Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
}

/** Student t interval of a mean from its sums: mean ± t(n−1) · s/√n. Null when n < 2. */
export function meanInterval(
  n: number,
  sum: number,
  sumOfSquares: number,
  confidence = 0.95,
): Interval | null {
  assertCount('n', n);
  if (n < 2) return null;
  const mean = sum / n;
  const half = tCritical(confidence, n - 1) * Math.sqrt(sampleVariance({ n, sum, sumOfSquares }) / n);
  return { low: mean - half, high: mean + half };
}

/**
 * Welch's t test of a change of mean from a baseline `a` to a current `b`: `difference = mean_b − mean_a`,
 * se = √(s²a/na + s²b/nb), Welch–Satterthwaite degrees of freedom, interval difference ± t(df) · se.
 * Needs n ≥ 2 on both sides for `ci`/`pValue` (null otherwise); the difference is NaN when a side is empty.
 * Two constant samples (se = 0) give a point interval and a p-value of 1 if equal, 0 if not.
 */
export function welchTest(a: MeanSums, b: MeanSums, confidence = 0.95): ChangeTest {
  assertCount('a.n', a.n);
  assertCount('b.n', b.n);
  if (a.n === 0 || b.n === 0) return { difference: Number.NaN, ci: null, pValue: null };
  const difference = b.sum / b.n - a.sum / a.n;
  if (a.n < 2 || b.n < 2) return { difference, ci: null, pValue: null };
  const va = sampleVariance(a) / a.n;
  const vb = sampleVariance(b) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0)
    return { difference, ci: { low: difference, high: difference }, pValue: difference === 0 ? 1 : 0 };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = tCritical(confidence, df) * se;
  return {
    difference,
    ci: { low: difference - half, high: difference + half },
    pValue: tTwoSidedP(difference / se, df),
  };
}
