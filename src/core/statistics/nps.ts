import { assertCount, clamp, normalCritical, normalTwoSidedP } from './distributions';
import { ChangeTest, Interval, NpsCounts } from './statistics.types';

function total(counts: NpsCounts): number {
  assertCount('promoters', counts.promoters);
  assertCount('passives', counts.passives);
  assertCount('detractors', counts.detractors);
  return counts.promoters + counts.passives + counts.detractors;
}

/**
 * Variance of one answer's promoter − detractor indicator (+1, 0, −1), on the −1..1 scale:
 * E[X²] − E[X]² = p+ + p− − (p+ − p−)².
 */
function indicatorVariance(promoterShare: number, detractorShare: number): number {
  return Math.max(0, promoterShare + detractorShare - (promoterShare - detractorShare) ** 2);
}

/** NPS = 100 · (promoters − detractors) / n, in −100..100; null when there is no answer. */
export function npsScore(promoters: number, passives: number, detractors: number): number | null {
  const n = total({ promoters, passives, detractors });
  return n === 0 ? null : (100 * (promoters - detractors)) / n;
}

/**
 * The standard (Wald) NPS interval: NPS ± z · 100 · √(var / n), with var the indicator variance above,
 * clamped to [−100, 100]. Null when n = 0. It collapses to a point when every answer falls in one
 * category (var = 0), so callers flag small samples rather than trust it there.
 */
export function npsInterval(
  promoters: number,
  passives: number,
  detractors: number,
  confidence = 0.95,
): Interval | null {
  const n = total({ promoters, passives, detractors });
  if (n === 0) return null;
  const z = normalCritical(confidence);
  const score = (100 * (promoters - detractors)) / n;
  const se = 100 * Math.sqrt(indicatorVariance(promoters / n, detractors / n) / n);
  return { low: clamp(score - z * se, -100, 100), high: clamp(score + z * se, -100, 100) };
}

/**
 * Change of NPS (in points) from a baseline `a` to a current `b`: `difference = NPS(b) − NPS(a)`.
 * Interval: difference ± z · 100 · √(var_a/n_a + var_b/n_b) (unpooled), clamped to [−200, 200].
 * p-value: z test with the pooled variance (under the null hypothesis both periods share one answer
 * distribution), as the pooled two-proportion test does. NaN difference and nulls when a side is empty.
 */
export function npsDifferenceTest(a: NpsCounts, b: NpsCounts, confidence = 0.95): ChangeTest {
  const na = total(a);
  const nb = total(b);
  if (na === 0 || nb === 0) return { difference: Number.NaN, ci: null, pValue: null };
  const z = normalCritical(confidence);
  const difference = (100 * (b.promoters - b.detractors)) / nb - (100 * (a.promoters - a.detractors)) / na;
  const varA = indicatorVariance(a.promoters / na, a.detractors / na);
  const varB = indicatorVariance(b.promoters / nb, b.detractors / nb);
  const se = 100 * Math.sqrt(varA / na + varB / nb);
  const ci = { low: clamp(difference - z * se, -200, 200), high: clamp(difference + z * se, -200, 200) };
  const pooledVar = indicatorVariance(
    (a.promoters + b.promoters) / (na + nb),
    (a.detractors + b.detractors) / (na + nb),
  );
  const pooledSe = 100 * Math.sqrt(pooledVar * (1 / na + 1 / nb));
  // Zero pooled variance: every answer of both periods is in one category, so the two NPS are equal.
  const pValue = pooledSe === 0 ? 1 : normalTwoSidedP(difference / pooledSe);
  return { difference, ci, pValue };
}
