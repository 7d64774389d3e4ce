// Module-level copies: in Jest's vm sandbox every lookup of a global such as `Math` is ~100× slower.
const { abs, floor, log, sqrt, min } = Math;

const LOG_FACTORIALS = (() => {
  const table = new Float64Array(256);
  for (let k = 2; k < table.length; k++) table[k] = table[k - 1] + log(k);
  return table;
})();

/** ln k!: a table below 256, Stirling's series beyond (error far below 1e-15 there). */
export function logFactorial(k: number): number {
  if (k < LOG_FACTORIALS.length) return LOG_FACTORIALS[k];
  const x = k + 1;
  const x2 = x * x;
  return (x - 0.5) * log(x) - x + 0.9189385332046728 + (1 / 12 - (1 / 360 - 1 / (1260 * x2)) / x2) / x;
}

/**
 * An exact Binomial(n, p) draw: inversion when n·p < 10 (expected n·p + 1 steps), else Hörmann's BTRS
 * (transformed rejection with squeeze, "The generation of binomial random variates", 1993), O(1) expected.
 */
export function drawBinomialFast(random: () => number, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - drawBinomialFast(random, n, 1 - p);
  const q = 1 - p;
  if (n * p < 10) {
    const s = p / q;
    const a = (n + 1) * s;
    let r = q ** n;
    let u = random();
    let x = 0;
    while (u > r && x < n) {
      u -= r;
      x++;
      r *= a / x - s;
    }
    return x;
  }
  const spq = sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = log(p / q);
  const m = floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = random() - 0.5;
    let v = random();
    const us = 0.5 - abs(u);
    const k = floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/**
 * Counts of n draws with replacement from categories weighted by `weights` (non-negative integers summing to
 * n): one Multinomial(n, weights / n) draw, made as a chain of conditional binomials, so it costs one binomial
 * per category instead of one uniform per draw. A bootstrap resample of n rows grouped into these categories has
 * exactly this distribution.
 */
export function drawMultinomialCounts(random: () => number, weights: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(weights.length);
  let rows = 0;
  for (let i = 0; i < weights.length; i++) rows += weights[i];
  let left = rows;
  let mass = rows;
  for (let i = 0; i < weights.length && left > 0; i++) {
    if (!weights[i]) continue;
    const k = mass <= weights[i] ? left : drawBinomialFast(random, left, min(1, weights[i] / mass));
    counts[i] = k;
    left -= k;
    mass -= weights[i];
  }
  return counts;
}
