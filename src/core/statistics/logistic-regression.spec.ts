import { contains, coverageRate } from './coverage-simulation';
import { logisticRegression } from './logistic-regression';
import { mulberry32, normalFrom } from './seeded-random';

/** Rows with x = 1 for `churnedWith + stayedWith` customers, x = 0 for the rest. */
function table(churnedWith: number, stayedWith: number, churnedWithout: number, stayedWithout: number) {
  const X: number[][] = [];
  const y: (0 | 1)[] = [];
  const add = (x: number, outcome: 0 | 1, count: number) => {
    for (let i = 0; i < count; i++) {
      X.push([x]);
      y.push(outcome);
    }
  };
  add(1, 1, churnedWith);
  add(1, 0, stayedWith);
  add(0, 1, churnedWithout);
  add(0, 0, stayedWithout);
  return { X, y };
}

const { exp } = Math; // a local copy: global lookups are slow in Jest's sandbox

function simulate(random: () => number, n: number, beta: number[]) {
  const X: number[][] = [];
  const y: (0 | 1)[] = [];
  for (let i = 0; i < n; i++) {
    const row = [normalFrom(random), random() < 0.3 ? 1 : 0];
    const eta = beta[0] + beta[1] * row[0] + beta[2] * row[1];
    X.push(row);
    y.push(random() < 1 / (1 + exp(-eta)) ? 1 : 0);
  }
  return { X, y };
}

describe('logisticRegression', () => {
  it('reproduces the 2×2 table odds ratio and Woolf standard error worked by hand', () => {
    // With negative feedback 40 churned / 60 stayed, without 20 / 80: OR = (40/60)/(20/80) = 2.666667,
    // log OR = 0.980829, se = √(1/40 + 1/60 + 1/20 + 1/80) = 0.322749, z = 3.038978, p = 0.002374,
    // OR interval exp(0.980829 ± 1.959964·0.322749) = exp([0.348253, 1.613405]) = [1.416591, 5.019874];
    // intercept log(20/80) = −1.386294 with se √(1/20 + 1/80) = 0.25.
    const { X, y } = table(40, 60, 20, 80);
    const fit = logisticRegression(X, y)!;
    const [negative] = fit.coefficients;
    expect(fit.n).toBe(200);
    expect(negative.oddsRatio).toBeCloseTo(2.666667, 6);
    expect(negative.standardError).toBeCloseTo(0.322749, 6);
    expect(negative.pValue).toBeCloseTo(0.002374, 6);
    expect(negative.oddsRatioCi.low).toBeCloseTo(1.416591, 5);
    expect(negative.oddsRatioCi.high).toBeCloseTo(5.019874, 5);
    expect(fit.intercept.estimate).toBeCloseTo(-1.386294, 6);
    expect(fit.intercept.standardError).toBeCloseTo(0.25, 8);
  });

  it('matches an independent fit (scipy BFGS on the likelihood) on a small two-predictor set', () => {
    const X = [
      [0.5, 1],
      [1.2, 0],
      [-0.3, 1],
      [2.0, 1],
      [-1.1, 0],
      [0.0, 0],
      [1.5, 1],
      [-0.8, 1],
      [0.9, 0],
      [-1.6, 1],
      [0.3, 0],
      [1.1, 1],
    ];
    const y: (0 | 1)[] = [1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0];
    const fit = logisticRegression(X, y)!;
    expect(fit.intercept.estimate).toBeCloseTo(-0.611541, 5);
    expect(fit.coefficients.map((t) => t.estimate)).toEqual([
      expect.closeTo(0.664128, 5),
      expect.closeTo(0.708576, 5),
    ]);
    expect(fit.coefficients.map((t) => t.standardError)).toEqual([
      expect.closeTo(0.621327, 5),
      expect.closeTo(1.251193, 5),
    ]);
    expect(fit.coefficients[0].pValue).toBeCloseTo(0.28512, 5);
    expect(fit.logLikelihood).toBeCloseTo(-7.504053, 5);
  });

  it('finds planted effects: log-odds 0.8 per unit of x1, odds ratio 2 for x2', () => {
    const { X, y } = simulate(mulberry32(601), 4000, [-1, 0.8, Math.log(2)]);
    const fit = logisticRegression(X, y)!;
    const [x1, x2] = fit.coefficients;
    expect(Math.abs(x1.estimate - 0.8)).toBeLessThan(3 * x1.standardError);
    expect(Math.abs(x2.estimate - Math.log(2))).toBeLessThan(3 * x2.standardError);
    expect(contains(x2.oddsRatioCi, 2)).toBe(true);
    expect(x1.pValue).toBeLessThan(1e-6);
    expect(x2.oddsRatio).toBeGreaterThan(1.5);
  });

  it('covers the true odds ratio 93–97 % of the time (n 300)', () => {
    const rate = coverageRate(1000, 611, (random) => {
      const { X, y } = simulate(random, 300, [-1, 0.5, Math.log(2)]);
      const fit = logisticRegression(X, y);
      return fit !== null && contains(fit.coefficients[1].oddsRatioCi, 2);
    });
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });

  it('answers null where no estimate exists', () => {
    expect(logisticRegression([[1], [2], [3], [4]], [0, 0, 0, 0])).toBeNull(); // one class
    expect(logisticRegression([[1], [2], [3], [4]], [0, 0, 1, 1])).toBeNull(); // complete separation
    expect(
      logisticRegression(
        [
          [1, 2],
          [2, 4],
          [3, 6],
          [4, 8],
          [5, 10],
        ],
        [0, 1, 0, 1, 1],
      ),
    ).toBeNull(); // collinear
    expect(logisticRegression([[1]], [1])).toBeNull(); // too few rows
    expect(() => logisticRegression([[1], [2]], [0, 2 as 1])).toThrow(RangeError);
    expect(() => logisticRegression([[1], [2, 3]], [0, 1])).toThrow(RangeError);
  });
});
