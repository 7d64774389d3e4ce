import { jStat } from 'jstat';

/** Every interval helper takes `confidence` in (0, 1); anything else is a programming error. */
export function assertConfidence(confidence: number): void {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
}

export function assertCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${name} must be a finite count >= 0, got ${value}`);
}

/** The two-sided normal critical value: 1.959964 for 95 %. */
export function normalCritical(confidence: number): number {
  assertConfidence(confidence);
  return jStat.normal.inv((1 + confidence) / 2, 0, 1);
}

/** The two-sided Student t critical value with `df` degrees of freedom (df may be fractional, as in Welch). */
export function tCritical(confidence: number, df: number): number {
  assertConfidence(confidence);
  return jStat.studentt.inv((1 + confidence) / 2, df);
}

export function normalCdf(z: number): number {
  return jStat.normal.cdf(z, 0, 1);
}

/** P(|Z| >= |z|), computed from the upper tail so small p-values keep their precision. */
export function normalTwoSidedP(z: number): number {
  return Math.min(1, 2 * jStat.normal.cdf(-Math.abs(z), 0, 1));
}

/** P(|T| >= |t|) with `df` degrees of freedom. */
export function tTwoSidedP(t: number, df: number): number {
  return Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), df));
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
