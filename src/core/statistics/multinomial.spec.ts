import { bootstrapCounts, bootstrapVector } from './bootstrap';
import { contains, coverageRate } from './coverage-simulation';
import { drawBinomialFast, drawMultinomialCounts, logFactorial } from './multinomial';
import { mulberry32 } from './seeded-random';

const binomialPmf = (n: number, p: number, k: number) =>
  Math.exp(
    logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log(1 - p),
  );

describe('drawBinomialFast', () => {
  it('computes ln k! by the table and by Stirling alike', () => {
    let direct = 0;
    for (let k = 1; k <= 5000; k++) {
      direct += Math.log(k);
      if (k === 300 || k === 5000) expect(logFactorial(k) / direct).toBeCloseTo(1, 12);
    }
    expect(logFactorial(0)).toBe(0);
  });

  // Inversion (n·p < 10), BTRS (n·p ≥ 10), and p > 0.5 by symmetry.
  it.each([
    [20, 0.3],
    [250_000, 0.00002],
    [1_000, 0.3],
    [250_000, 0.4],
    [60, 0.9],
  ])('has the binomial mean and variance for n %d, p %d', (n, p) => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 20_000 }, () => drawBinomialFast(random, n, p));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
    expect(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= n)).toBe(true);
    expect(Math.abs(mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / draws.length));
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.05);
  });

  it('follows the binomial distribution in the rejection branch (chi-square goodness of fit)', () => {
    const [n, p, draws] = [100, 0.3, 50_000];
    const random = mulberry32(17);
    const seen = new Map<number, number>();
    for (let i = 0; i < draws; i++) {
      const k = drawBinomialFast(random, n, p);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    // Cells 15..45 (expected counts ≥ 5 there), the tails pooled into the end cells.
    let chi2 = 0;
    for (let k = 15; k <= 45; k++) {
      let [expected, observed] = [binomialPmf(n, p, k) * draws, seen.get(k) ?? 0];
      const tail = k === 15 ? [0, 14] : k === 45 ? [46, n] : null;
      if (tail)
        for (let j = tail[0]; j <= tail[1]; j++) {
          expected += binomialPmf(n, p, j) * draws;
          observed += seen.get(j) ?? 0;
        }
      chi2 += (observed - expected) ** 2 / expected;
    }
    expect(chi2).toBeLessThan(59.7); // 99.9 % point of chi-square with 30 degrees of freedom
  });
});

describe('drawMultinomialCounts', () => {
  it('redistributes every row, never to an empty category, with the right mean per category', () => {
    const weights = [0, 5, 120, 1, 0, 874];
    const random = mulberry32(3);
    const sums = new Float64Array(weights.length);
    for (let i = 0; i < 4_000; i++) {
      const counts = drawMultinomialCounts(random, weights);
      expect(counts.reduce((s, x) => s + x, 0)).toBe(1_000);
      expect([counts[0], counts[4]]).toEqual([0, 0]);
      counts.forEach((c, j) => (sums[j] += c / 4_000));
    }
    weights.forEach((w, j) => expect(Math.abs(sums[j] - w)).toBeLessThan(4 * Math.sqrt(w / 4_000) + 1e-9));
  });
});

describe('bootstrapCounts', () => {
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

  it('gives the interval a row-by-row bootstrap gives, for rows grouped by value', () => {
    const values = [0, 1, 2, 5, 9];
    const weights = [40, 25, 20, 10, 5];
    const rows = values.flatMap((v, i) => Array<number>(weights[i]).fill(v));
    const weightedMean = (counts: ArrayLike<number>) => {
      let [sum, n] = [0, 0];
      for (let i = 0; i < values.length; i++) [sum, n] = [sum + counts[i] * values[i], n + counts[i]];
      return [sum / n];
    };
    const [grouped] = bootstrapCounts(weights, weightedMean, 4_000, 5);
    const [byRow] = bootstrapVector(rows, (sample) => [mean(sample)], 4_000, 5);
    expect(grouped.estimate).toBeCloseTo(byRow.estimate, 12);
    expect(grouped.ci!.low).toBeCloseTo(byRow.ci!.low, 1);
    expect(grouped.ci!.high).toBeCloseTo(byRow.ci!.high, 1);
  });

  it('covers the true mean about 95 % of the time (grouped 0/1 rows, n 200, B 400)', () => {
    const rate = coverageRate(300, 821, (rng) => {
      let ones = 0;
      for (let i = 0; i < 200; i++) if (rng() < 0.3) ones++;
      const [r] = bootstrapCounts(
        [200 - ones, ones],
        (c) => [c[1] / (c[0] + c[1])],
        400,
        Math.floor(rng() * 2 ** 32),
      );
      return contains(r.ci, 0.3);
    });
    expect(rate).toBeGreaterThanOrEqual(0.91);
    expect(rate).toBeLessThanOrEqual(0.98);
  });
});
