/**
 * Is a phrase's rate in the recent window above its baseline rate? Recent and baseline hits are compared as two
 * Poisson counts: given n = x + y hits in all, under "no change" each one falls in the recent window with
 * probability p0 = R / (R + B), the recent share of all texts read. The exact binomial tail is the p-value, and a
 * Wilson lower bound on the recent share of hits gives a conservative lift (rate ratio) to rank by.
 */
export interface RateComparison {
  /** Smoothed recent rate over baseline rate (add-half, so a phrase new in the window has a finite lift). */
  lift: number;
  /** One-sided 95 % lower bound of the rate ratio: the lift the counts can vouch for. */
  liftLowerBound: number;
  /** One-sided exact p-value of "the recent rate is no higher than the baseline rate". */
  pValue: number;
}

const Z_95_ONE_SIDED = 1.6449;

export function compareRates(
  recentHits: number,
  recentTexts: number,
  baselineHits: number,
  baselineTexts: number,
): RateComparison {
  const lift = (recentHits + 0.5) / (recentTexts + 1) / ((baselineHits + 0.5) / (baselineTexts + 1));
  const n = recentHits + baselineHits;
  const p0 = recentTexts / (recentTexts + baselineTexts);
  const share = wilsonLowerBound(recentHits, n, Z_95_ONE_SIDED);
  const liftLowerBound = share >= 1 ? Infinity : (share / (1 - share)) * (baselineTexts / recentTexts);
  return { lift, liftLowerBound, pValue: binomialUpperTail(recentHits, n, p0) };
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in log space from the first term so large n neither under- nor overflows. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n || p <= 0) return 0;
  if (p >= 1) return 1;
  let logTerm = logChoose(n, k) + k * Math.log(p) + (n - k) * Math.log1p(-p);
  const ratio = Math.log(p) - Math.log1p(-p);
  let sum = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(logTerm);
    sum += term;
    if (term < sum * 1e-16 && i > n * p) break;
    logTerm += Math.log(n - i) - Math.log(i + 1) + ratio;
  }
  return Math.min(1, sum);
}

/**
 * Benjamini–Hochberg: the largest p-value that keeps the expected share of false discoveries among everything
 * called significant at or below `rate`, across all the phrases tested at once (thousands in a busy week).
 */
export function falseDiscoveryCutoff(pValues: readonly number[], rate: number): number {
  const sorted = [...pValues].sort((a, b) => a - b);
  let cutoff = -1;
  sorted.forEach((p, i) => {
    if (p <= (rate * (i + 1)) / sorted.length) cutoff = p;
  });
  return cutoff;
}

function wilsonLowerBound(successes: number, trials: number, z: number): number {
  if (trials === 0) return 0;
  const p = successes / trials;
  const z2 = z * z;
  const centre = p + z2 / (2 * trials);
  const spread = z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return Math.max(0, (centre - spread) / (1 + z2 / trials));
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

const LOG_FACTORIALS: number[] = [0];

function logFactorial(n: number): number {
  for (let i = LOG_FACTORIALS.length; i <= n; i++) LOG_FACTORIALS[i] = LOG_FACTORIALS[i - 1] + Math.log(i);
  return LOG_FACTORIALS[n];
}
