import { assertCount, clamp, normalCritical, normalTwoSidedP } from './distributions';
import { ChangeTest, Interval, MeanSums, NpsCounts } from './statistics.types';

/** One index component on the 0..100 scale with its standard error (null when it cannot be estimated). */
export interface IndexComponent {
  value: number | null;
  standardError: number | null;
  weight: number;
}

export interface CompositeIndex {
  value: number;
  /** Null when a component that has a value has no standard error. */
  standardError: number | null;
  ci: Interval | null;
  /** The weights actually applied, normalised to sum to 1; 0 for components without data. */
  weights: number[];
}

/** Maps `value` from [min, max] onto 0..100, clamped (e.g. NPS −100..100 → 0..100, net sentiment −1..1 → 0..100). */
export function rescale(value: number, min: number, max: number): number {
  if (!(max > min)) throw new RangeError(`rescale needs max > min, got [${min}, ${max}]`);
  return clamp((100 * (value - min)) / (max - min), 0, 100);
}

export function rescaleInterval(interval: Interval, min: number, max: number): Interval {
  return { low: rescale(interval.low, min, max), high: rescale(interval.high, min, max) };
}

/**
 * A share (e.g. CSAT top-box) as a component: value 100·x/n. The standard error uses the Agresti–Coull
 * adjusted share p̃ = (x + 2)/(n + 4) so that 0 % and 100 % do not claim zero uncertainty.
 */
export function shareComponent(successes: number, n: number, weight: number): IndexComponent {
  assertCount('n', n);
  assertCount('successes', successes);
  if (n === 0) return { value: null, standardError: null, weight };
  const adjusted = (successes + 2) / (n + 4);
  return {
    value: (100 * successes) / n,
    standardError: 100 * Math.sqrt((adjusted * (1 - adjusted)) / (n + 4)),
    weight,
  };
}

/**
 * A "net" score (NPS, or net sentiment = positive − negative share) rescaled from −1..1 to 0..100:
 * value 50·(1 + p+ − p−), standard error 50·√((p+ + p− − (p+ − p−)²)/n), as in the NPS interval.
 */
export function netScoreComponent(counts: NpsCounts, weight: number): IndexComponent {
  const { promoters, passives, detractors } = counts;
  [promoters, passives, detractors].forEach((count) => assertCount('count', count));
  const n = promoters + passives + detractors;
  if (n === 0) return { value: null, standardError: null, weight };
  const plus = promoters / n;
  const minus = detractors / n;
  const variance = Math.max(0, plus + minus - (plus - minus) ** 2);
  return { value: 50 * (1 + plus - minus), standardError: 50 * Math.sqrt(variance / n), weight };
}

/** A mean on [min, max] (e.g. sentiment −1..1) rescaled to 0..100, with standard error 100·s/(√n·(max − min)). */
export function meanComponent(sums: MeanSums, min: number, max: number, weight: number): IndexComponent {
  assertCount('n', sums.n);
  if (sums.n === 0) return { value: null, standardError: null, weight };
  const value = rescale(sums.sum / sums.n, min, max);
  if (sums.n < 2) return { value, standardError: null, weight };
  const variance = Math.max(0, (sums.sumOfSquares - (sums.sum * sums.sum) / sums.n) / (sums.n - 1));
  return { value, standardError: (100 * Math.sqrt(variance / sums.n)) / (max - min), weight };
}

/**
 * Weighted composite I = Σ w_i·c_i / Σ w_i over the components that have data (weights renormalised over
 * them, so a component without data neither counts as 0 nor blocks the index). Standard error by
 * propagating independent component variances: se(I) = √(Σ w_i²·se_i²) / Σ w_i; interval I ± z·se clamped
 * to 0..100. Components computed on overlapping customers are positively correlated in practice, which
 * this understates; the coverage simulation in the spec uses independent components. Null when no
 * component has data.
 */
export function weightedComposite(components: IndexComponent[], confidence = 0.95): CompositeIndex | null {
  for (const { weight } of components) {
    if (!(weight >= 0) || !Number.isFinite(weight))
      throw new RangeError(`weights must be finite and >= 0, got ${weight}`);
  }
  if (!components.some(({ weight }) => weight > 0)) throw new RangeError('weights must not all be zero');
  const used = components.map(({ value, weight }) => (value === null ? 0 : weight));
  const totalWeight = used.reduce((sum, weight) => sum + weight, 0);
  if (totalWeight === 0) return null;
  const weights = used.map((weight) => weight / totalWeight);
  const value = components.reduce((sum, { value: v }, i) => sum + weights[i] * (v ?? 0), 0);
  const missingError = components.some(
    ({ value: v, standardError }, i) => v !== null && weights[i] > 0 && standardError === null,
  );
  if (missingError) return { value, standardError: null, ci: null, weights };
  const variance = components.reduce(
    (sum, { standardError }, i) => sum + (weights[i] * (standardError ?? 0)) ** 2,
    0,
  );
  const standardError = Math.sqrt(variance);
  const half = normalCritical(confidence) * standardError;
  return {
    value,
    standardError,
    ci: { low: clamp(value - half, 0, 100), high: clamp(value + half, 0, 100) },
    weights,
  };
}

/**
 * Period-over-period change of an index from a baseline `a` to a current `b`: difference = b − a (points),
 * se = √(se_a² + se_b²) treating the periods as independent samples, normal interval and two-sided p-value.
 */
export function compositeChangeTest(a: CompositeIndex, b: CompositeIndex, confidence = 0.95): ChangeTest {
  const difference = b.value - a.value;
  if (a.standardError === null || b.standardError === null) return { difference, ci: null, pValue: null };
  const se = Math.sqrt(a.standardError ** 2 + b.standardError ** 2);
  if (se === 0)
    return { difference, ci: { low: difference, high: difference }, pValue: difference === 0 ? 1 : 0 };
  const half = normalCritical(confidence) * se;
  return {
    difference,
    ci: { low: difference - half, high: difference + half },
    pValue: normalTwoSidedP(difference / se),
  };
}
