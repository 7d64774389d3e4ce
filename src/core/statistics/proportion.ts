import { assertCount, clamp, normalCritical, normalTwoSidedP } from './distributions';
import { ChangeTest, Interval } from './statistics.types';

function assertProportion(successes: number, n: number): void {
  assertCount('n', n);
  assertCount('successes', successes);
  if (successes > n) throw new RangeError(`successes (${successes}) cannot exceed n (${n})`);
}

/**
 * Wilson score interval for a share (0..1), without continuity correction. Unlike the Wald interval it stays
 * inside [0, 1] and keeps its coverage near 0 % and 100 %. Null when n = 0.
 */
export function wilsonInterval(successes: number, n: number, confidence = 0.95): Interval | null {
  assertProportion(successes, n);
  if (n === 0) return null;
  const z = normalCritical(confidence);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
  return { low: clamp(centre - half, 0, 1), high: clamp(centre + half, 0, 1) };
}

/**
 * Change of a share from a baseline `x1/n1` (a) to a current `x2/n2` (b): `difference = p2 − p1`.
 * p-value: the pooled two-proportion z test (the null hypothesis says both periods share one proportion).
 * Interval: Newcombe's hybrid score interval (method 10, built from the two Wilson intervals), which keeps
 * its coverage for small or extreme shares where the Wald interval does not.
 * When either side is empty the difference is NaN (undefined) and `ci`/`pValue` are null.
 */
export function twoProportionTest(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  confidence = 0.95,
): ChangeTest {
  assertProportion(x1, n1);
  assertProportion(x2, n2);
  if (n1 === 0 || n2 === 0) return { difference: Number.NaN, ci: null, pValue: null };
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const difference = p2 - p1;
  const w1 = wilsonInterval(x1, n1, confidence) as Interval;
  const w2 = wilsonInterval(x2, n2, confidence) as Interval;
  const ci = {
    low: difference - Math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2),
    high: difference + Math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2),
  };
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  // A zero pooled variance means both samples are all-0 or all-1: the same share, no evidence of change.
  const pValue = se === 0 ? 1 : normalTwoSidedP(difference / se);
  return { difference, ci, pValue };
}
