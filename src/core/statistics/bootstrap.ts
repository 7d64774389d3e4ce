import { quantileSorted } from 'simple-statistics';
import { assertConfidence } from './distributions';
import { drawMultinomialCounts } from './multinomial';
import { mulberry32 } from './seeded-random';
import { Interval } from './statistics.types';

// Module-level copies: in Jest's vm sandbox every lookup of a global such as `Math` is ~100× slower,
// which made the seeded simulations crawl; in Node itself this changes nothing.
const { floor } = Math;
const { isFinite } = Number;

export interface BootstrapResult {
  /** The statistic on the original data. */
  estimate: number;
  /** Percentile interval of the replicates; null when fewer than half of them were finite. */
  ci: Interval | null;
  /** Replicates that gave a finite value (a resample can make a statistic undefined, e.g. no variance). */
  replicates: number;
}

/**
 * Percentile bootstrap of a vector-valued statistic (one interval per component, e.g. one per driver) with
 * the same resamples for every component: B resamples of the rows with replacement drawn from a seeded
 * mulberry32, the interval the (1 ∓ confidence)/2 quantiles of the finite replicates (simple-statistics'
 * linear quantile). Deterministic for a given seed.
 */
export function bootstrapVector<T>(
  data: T[],
  statistic: (sample: T[]) => number[],
  B: number,
  seed: number,
  confidence = 0.95,
): BootstrapResult[] {
  assertConfidence(confidence);
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`B must be a positive integer, got ${B}`);
  const estimate = statistic(data);
  const replicates: number[][] = estimate.map(() => []);
  const random = mulberry32(seed);
  const sample = new Array<T>(data.length);
  for (let b = 0; b < B && data.length > 0; b++) {
    for (let i = 0; i < data.length; i++) sample[i] = data[floor(random() * data.length)];
    statistic(sample).forEach((value, k) => {
      if (isFinite(value)) replicates[k]?.push(value);
    });
  }
  return percentileIntervals(estimate, replicates, B, confidence);
}

/**
 * `bootstrapVector` for rows grouped into categories (e.g. customers with the same pattern): `weights` holds how
 * many rows each category has, and the statistic reads counts per category. A resample of the rows with
 * replacement gives Multinomial(n, weights / n) counts, so each replicate draws those counts directly (one
 * binomial per category, not one uniform per row): the same resampling distribution, so the same intervals up to
 * the random stream, at a cost that grows with the categories instead of the rows.
 */
export function bootstrapCounts(
  weights: ArrayLike<number>,
  statistic: (counts: ArrayLike<number>) => number[],
  B: number,
  seed: number,
  confidence = 0.95,
): BootstrapResult[] {
  assertConfidence(confidence);
  if (!Number.isInteger(B) || B < 1) throw new RangeError(`B must be a positive integer, got ${B}`);
  const estimate = statistic(weights);
  const replicates: number[][] = estimate.map(() => []);
  const random = mulberry32(seed);
  for (let b = 0; b < B && weights.length > 0; b++)
    statistic(drawMultinomialCounts(random, weights)).forEach((value, k) => {
      if (isFinite(value)) replicates[k]?.push(value);
    });
  return percentileIntervals(estimate, replicates, B, confidence);
}

function percentileIntervals(
  estimate: number[],
  replicates: number[][],
  B: number,
  confidence: number,
): BootstrapResult[] {
  const alpha = (1 - confidence) / 2;
  return estimate.map((value, k) => {
    const sorted = replicates[k].sort((x, y) => x - y);
    const ci =
      sorted.length * 2 < B || sorted.length === 0
        ? null
        : { low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha) };
    return { estimate: value, ci, replicates: sorted.length };
  });
}

/** Percentile bootstrap of one statistic; see `bootstrapVector`. */
export function bootstrap<T>(
  data: T[],
  statistic: (sample: T[]) => number,
  B: number,
  seed: number,
  confidence = 0.95,
): BootstrapResult {
  return bootstrapVector(data, (sample) => [statistic(sample)], B, seed, confidence)[0];
}
