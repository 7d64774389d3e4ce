import { contains, coverageRate } from './coverage-simulation';
import { meanInterval, welchTest } from './mean';
import { normalFrom } from './seeded-random';

function sums(values: number[]) {
  return {
    n: values.length,
    sum: values.reduce((total, value) => total + value, 0),
    sumOfSquares: values.reduce((total, value) => total + value * value, 0),
  };
}

function sample(random: () => number, n: number, draw: (random: () => number) => number): number[] {
  return Array.from({ length: n }, () => draw(random));
}

describe('meanInterval', () => {
  it('matches values worked by hand', () => {
    // 1..5: n 5, sum 15, sum of squares 55; mean 3, s² = (55 − 45)/4 = 2.5, se = √0.5 = 0.707107,
    // t(0.975, 4) = 2.776445, half = 1.963243, so [1.036757, 4.963243].
    const interval = meanInterval(5, 15, 55)!;
    expect(interval.low).toBeCloseTo(1.036757, 6);
    expect(interval.high).toBeCloseTo(4.963243, 6);
  });

  it('is null below two items and a point for a constant sample', () => {
    expect(meanInterval(1, 0.4, 0.16)).toBeNull();
    expect(meanInterval(0, 0, 0)).toBeNull();
    expect(meanInterval(3, 0.3, 0.03)).toEqual({
      low: expect.closeTo(0.1, 12),
      high: expect.closeTo(0.1, 12),
    });
  });

  it.each([
    ['normal, n = 10', 10, (random: () => number) => 0.2 + 0.5 * normalFrom(random), 0.2],
    ['exponential (skewed), n = 60', 60, (random: () => number) => -Math.log(1 - random()), 1],
    [
      'sentiment-like on −1..1, n = 30',
      30,
      (random: () => number) => Math.max(-1, Math.min(1, 0.3 * normalFrom(random))),
      0,
    ],
  ])('covers the true mean 93–97 %% of the time (%s)', (_label, n, draw, truth) => {
    const rate = coverageRate(1000, 401, (random) => {
      const { sum, sumOfSquares } = sums(
        sample(random, n as number, draw as (random: () => number) => number),
      );
      return contains(meanInterval(n as number, sum, sumOfSquares), truth as number);
    });
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });
});

describe('welchTest', () => {
  it('matches values worked by hand (difference = mean_b − mean_a)', () => {
    // a = 1..5 (mean 3, s² 2.5, s²/n 0.5); b = 2,4,…,12 (mean 7, s² 14, s²/n 2.333333):
    // difference 4, se = √2.833333 = 1.683251, t = 2.376354,
    // df = 2.833333² / (0.5²/4 + 2.333333²/5) = 8.027778 / 1.151389 = 6.972256, p = 0.049284,
    // ci = 4 ± t(0.975, 6.972256) · se = [0.016531, 7.983469].
    const test = welchTest(sums([1, 2, 3, 4, 5]), sums([2, 4, 6, 8, 10, 12]));
    expect(test.difference).toBeCloseTo(4, 12);
    expect(test.pValue).toBeCloseTo(0.049284, 5);
    expect(test.ci!.low).toBeCloseTo(0.016531, 5);
    expect(test.ci!.high).toBeCloseTo(7.983469, 5);
  });

  it('needs two items on each side for an interval', () => {
    expect(welchTest(sums([]), sums([1, 2]))).toEqual({ difference: NaN, ci: null, pValue: null });
    expect(welchTest(sums([1]), sums([1, 2]))).toEqual({ difference: 0.5, ci: null, pValue: null });
    expect(welchTest(sums([1, 1]), sums([2, 2])).pValue).toBe(0);
    expect(welchTest(sums([1, 1]), sums([1, 1])).pValue).toBe(1);
  });

  it('covers the true change 93–97 % of the time with unequal variances and sizes', () => {
    const coverage = coverageRate(1000, 411, (random) => {
      const a = sums(sample(random, 12, (r) => 0.1 + 0.2 * normalFrom(r)));
      const b = sums(sample(random, 40, (r) => -0.1 + 0.6 * normalFrom(r)));
      return contains(welchTest(a, b).ci, -0.2);
    });
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
    const falsePositives = coverageRate(1000, 412, (random) => {
      const a = sums(sample(random, 15, (r) => 0.3 * normalFrom(r)));
      const b = sums(sample(random, 50, (r) => 0.8 * normalFrom(r)));
      return welchTest(a, b).pValue! < 0.05;
    });
    expect(falsePositives).toBeGreaterThan(0.03);
    expect(falsePositives).toBeLessThan(0.07);
  });
});
