import { benjaminiHochberg } from '../../core/statistics';
import type { AnomalyDimension, AnomalyKind } from './anomaly-kinds';
import { binomialUpperTail, poissonUpperTail } from './count-tails';

/**
 * Weekday-aware spike tests, on two windows ending on a day D: the day itself, and the 7 days up to it. Each is
 * compared with the same window 1..8 weeks earlier (ending on D − 7w): a Tuesday with Tuesdays, a week with
 * whole weeks. Weekly cycles (quiet weekends, Monday backlogs) are the largest regular swing in feedback, and
 * comparing like with like removes them without fitting a seasonal model. The day window catches sudden bursts;
 * the week window catches a shift that is too small to show in one day (a few items a day at a touchpoint)
 * within the week it starts.
 *
 * - Volume: the window's count against λ = the median of the 8 baseline counts (a past spike in the baseline
 *   does not raise it, as it would a mean), tested with a quasi-Poisson upper tail: counts are scaled by the
 *   baseline's dispersion φ = max(1, variance / mean) (robust: median and MAD), because feedback volume is burstier than Poisson (a few
 *   busy customers), and a pure Poisson test cries wolf.
 * - Negative share: the window's negatives out of its scored items against a binomial with p = the baseline's
 *   pooled negative share (pooled, so windows with few items weigh little); exact for small counts.
 *
 * Every series of every dimension and window is tested each day, so the p-values are corrected with
 * Benjamini–Hochberg across all tests of the day, and a spike must also be large enough to matter (MIN_*).
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

export const SPIKE_WINDOWS = { day: 1, week: 7 } as const;
export type SpikeWindow = keyof typeof SPIKE_WINDOWS;

export interface SpikeFinding {
  kind: AnomalyKind;
  window: SpikeWindow;
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
  /** Fewer baseline windows with data than this (a young install): the series is not tested. */
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

function windowCounts(s: SeriesHistory, endDay: string, length: number): DayCounts {
  const total = { n: 0, negatives: 0, scored: 0 };
  for (let i = 0; i < length; i++) {
    const c = s.days.get(shiftDay(endDay, -i));
    if (!c) continue;
    total.n += c.n;
    total.negatives += c.negatives;
    total.scored += c.scored;
  }
  return total;
}

/** Variance over mean, both robust (median, and 1.4826 × MAD for the deviation): one past spike must not inflate it. */
function dispersion(counts: number[]): number {
  const centre = median(counts);
  if (centre <= 0) return 1;
  const spread = 1.4826 * median(counts.map((c) => Math.abs(c - centre)));
  return Math.max(1, (spread * spread) / centre);
}

type Test = Omit<SpikeFinding, 'qValue'> & { large: boolean };

function testWindow(s: SeriesHistory, day: string, window: SpikeWindow, firstDataDay: string): Test[] {
  const length = SPIKE_WINDOWS[window];
  const current = windowCounts(s, day, length);
  if (!current.n) return [];
  const base: DayCounts[] = [];
  for (let w = 1; w <= SPIKE_RULES.baselineWeeks; w++) {
    const end = shiftDay(day, -7 * w);
    if (shiftDay(end, -(length - 1)) < firstDataDay) break;
    base.push(windowCounts(s, end, length));
  }
  if (base.length < SPIKE_RULES.minBaselineDays) return [];
  const tests: Test[] = [];
  const baselineN = base.reduce((sum, b) => sum + b.n, 0);
  const expected = median(base.map((b) => b.n));
  const lambda = Math.max(expected, 1);
  const phi = dispersion(base.map((b) => b.n));
  const common = { dimension: s.dimension, value: s.value, day, window };
  tests.push({
    ...common,
    kind: 'volume_spike',
    observed: current.n,
    expected,
    n: current.n,
    baselineN,
    pValue: poissonUpperTail(current.n / phi, lambda / phi),
    large: current.n >= SPIKE_RULES.minVolume && current.n >= SPIKE_RULES.minVolumeRatio * lambda,
  });
  const baseScored = base.reduce((sum, b) => sum + b.scored, 0);
  if (current.scored >= SPIKE_RULES.minScored && baseScored >= SPIKE_RULES.minBaselineScored) {
    const baseNegatives = base.reduce((sum, b) => sum + b.negatives, 0);
    // Half an item of smoothing: a baseline with no negatives at all must not make any negative "impossible".
    const p0 = (baseNegatives + 0.5) / (baseScored + 1);
    const share = current.negatives / current.scored;
    tests.push({
      ...common,
      kind: 'negative_share_spike',
      observed: share,
      expected: baseNegatives / baseScored,
      n: current.scored,
      baselineN: baseScored,
      pValue: binomialUpperTail(current.negatives, current.scored, p0),
      large: share - baseNegatives / baseScored >= SPIKE_RULES.minShareIncrease,
    });
  }
  return tests;
}

/** Spikes on `day`, given each series' history and the first day the install has any data for. */
export function detectSpikes(day: string, series: SeriesHistory[], firstDataDay: string): SpikeFinding[] {
  const tests = series.flatMap((s) =>
    (Object.keys(SPIKE_WINDOWS) as SpikeWindow[]).flatMap((w) => testWindow(s, day, w, firstDataDay)),
  );
  const qValues = benjaminiHochberg(tests.map((t) => t.pValue));
  return tests
    .map((t, i) => ({ ...t, qValue: qValues[i] ?? 1 }))
    .filter((t) => t.large && t.qValue <= SPIKE_RULES.falseDiscoveryRate)
    .map(({ large: _large, ...finding }) => finding);
}
