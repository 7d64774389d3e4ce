import { benjaminiHochberg } from '../../core/statistics';
import type { AnomalyDimension, AnomalyKind } from './anomaly-kinds';
import { binomialUpperTail, poissonUpperTail } from './count-tails';

/**
 * Weekday-aware spike tests. A day is compared with the same weekday of the previous `baselineWeeks` weeks:
 * weekly cycles (quiet weekends, Monday backlogs) are the largest regular swing in feedback, and comparing
 * a Tuesday with Tuesdays removes them without fitting a seasonal model.
 *
 * - Volume: the day's count against a Poisson with λ = the median of those same-weekday counts. The median
 *   ignores a past spike in the baseline (a mean would absorb it and hide the next one); the Poisson tail
 *   is exact for the small counts of a topic or touchpoint, where a median/MAD z-score breaks down (MAD is
 *   often 0 for series of a few items a day).
 * - Negative share: the day's negatives out of its items against a binomial with p = the baseline's pooled
 *   negative share (pooled, so days with few items weigh little).
 *
 * Every series of every dimension is tested each day, so the p-values are corrected with Benjamini–Hochberg
 * across all tests of the day, and a spike must also be large enough to matter (MIN_* below).
 */
export interface DayCounts {
  /** Items of the series that day. */
  n: number;
  /** Of those, items whose sentiment is negative (of the items with a sentiment). */
  negatives: number;
  /** Items with a sentiment at all (the negative share's denominator). */
  scored: number;
}

export interface SeriesHistory {
  dimension: AnomalyDimension;
  value: string;
  /** Counts by UTC day (`YYYY-MM-DD`); missing days had none. */
  days: Map<string, DayCounts>;
}

export interface SpikeFinding {
  kind: AnomalyKind;
  dimension: AnomalyDimension;
  value: string;
  day: string;
  observed: number;
  expected: number;
  n: number;
  baselineN: number;
  pValue: number;
  qValue: number;
}

export const SPIKE_RULES = {
  baselineWeeks: 8,
  /** Fewer baseline weekdays with data than this (a young install): the series is not tested. */
  minBaselineDays: 4,
  falseDiscoveryRate: 0.01,
  /** A volume spike needs at least this many items and this multiple of the expected count. */
  minVolume: 10,
  minVolumeRatio: 1.5,
  /** A negative-share spike needs this many scored items that day and in the baseline, and this many points more. */
  minScored: 10,
  minBaselineScored: 30,
  minShareIncrease: 0.1,
} as const;

const DAY_MS = 86_400_000;

export function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Spikes on `day`, given each series' history and the first day the install has any data for. */
export function detectSpikes(day: string, series: SeriesHistory[], firstDataDay: string): SpikeFinding[] {
  const baselineDays = Array.from({ length: SPIKE_RULES.baselineWeeks }, (_, i) =>
    shiftDay(day, -7 * (i + 1)),
  ).filter((d) => d >= firstDataDay);
  if (baselineDays.length < SPIKE_RULES.minBaselineDays) return [];
  const tests: (Omit<SpikeFinding, 'qValue'> & { large: boolean })[] = [];
  for (const s of series) {
    const today = s.days.get(day);
    if (!today) continue;
    const base = baselineDays.map((d) => s.days.get(d) ?? { n: 0, negatives: 0, scored: 0 });
    const baselineN = base.reduce((sum, b) => sum + b.n, 0);
    const expected = median(base.map((b) => b.n));
    const lambda = Math.max(expected, 1);
    tests.push({
      kind: 'volume_spike',
      dimension: s.dimension,
      value: s.value,
      day,
      observed: today.n,
      expected,
      n: today.n,
      baselineN,
      pValue: poissonUpperTail(today.n, lambda),
      large: today.n >= SPIKE_RULES.minVolume && today.n >= SPIKE_RULES.minVolumeRatio * lambda,
    });
    const baseScored = base.reduce((sum, b) => sum + b.scored, 0);
    if (today.scored >= SPIKE_RULES.minScored && baseScored >= SPIKE_RULES.minBaselineScored) {
      const baseNegatives = base.reduce((sum, b) => sum + b.negatives, 0);
      // Half an item of smoothing: a baseline with no negatives at all must not make any negative "impossible".
      const p0 = (baseNegatives + 0.5) / (baseScored + 1);
      const share = today.negatives / today.scored;
      tests.push({
        kind: 'negative_share_spike',
        dimension: s.dimension,
        value: s.value,
        day,
        observed: share,
        expected: baseNegatives / baseScored,
        n: today.scored,
        baselineN: baseScored,
        pValue: binomialUpperTail(today.negatives, today.scored, p0),
        large: share - baseNegatives / baseScored >= SPIKE_RULES.minShareIncrease,
      });
    }
  }
  const qValues = benjaminiHochberg(tests.map((t) => t.pValue));
  return tests
    .map((t, i) => ({ ...t, qValue: qValues[i] ?? 1 }))
    .filter((t) => t.large && t.qValue <= SPIKE_RULES.falseDiscoveryRate)
    .map(({ large: _large, ...finding }) => finding);
}
