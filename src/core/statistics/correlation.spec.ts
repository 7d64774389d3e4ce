import { contains, coverageRate } from './coverage-simulation';
import { pearson, spearman } from './correlation';
import { normalFrom } from './seeded-random';

const x = [1, 2, 3, 4, 5, 6, 7, 8];
const y = [2, 1, 4, 3, 7, 8, 6, 9];

/** n draws of a standard bivariate normal pair with correlation rho. */
function bivariate(random: () => number, n: number, rho: number): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  const residualScale = Math.sqrt(1 - rho * rho);
  for (let i = 0; i < n; i++) {
    const a = normalFrom(random);
    xs.push(a);
    ys.push(rho * a + residualScale * normalFrom(random));
  }
  return [xs, ys];
}

describe('pearson', () => {
  it('matches values worked by hand', () => {
    // Sxx = 42, Syy = 60, Sxy = 45: r = 45/√2520 = 0.896421; t = r·√(6/(1−r²)) = 4.9543, p(6 df) = 0.002567;
    // atanh r = 1.453574 ± 1.959964/√5 = ±0.876523 → tanh → [0.520609, 0.981253].
    const result = pearson(x, y);
    expect(result.n).toBe(8);
    expect(result.r).toBeCloseTo(0.896421, 6);
    expect(result.pValue).toBeCloseTo(0.002567, 6);
    expect(result.ci!.low).toBeCloseTo(0.520609, 5);
    expect(result.ci!.high).toBeCloseTo(0.981253, 5);
  });

  it('answers null where r is undefined and rejects mismatched input', () => {
    expect(pearson([1, 1, 1, 1], [1, 2, 3, 4])).toEqual({ n: 4, r: null, ci: null, pValue: null });
    expect(pearson([1, 2], [2, 1]).r).toBeNull();
    expect(pearson([1, 2, 3], [2, 4, 7]).ci).toBeNull();
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toMatchObject({ r: 1, pValue: 0 });
    expect(() => pearson([1, 2], [1])).toThrow(RangeError);
    expect(() => pearson([1, NaN, 3], [1, 2, 3])).toThrow(RangeError);
  });

  it('covers the true correlation 93–97 % of the time (bivariate normal, rho 0.5, n 50)', () => {
    const rate = coverageRate(1000, 501, (random) =>
      contains(pearson(...bivariate(random, 50, 0.5)).ci, 0.5),
    );
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });
});

describe('spearman', () => {
  it('matches values worked by hand', () => {
    // Ranks of y: 2,1,4,3,6,7,5,8; Σd² = 10; rho = 1 − 6·10/(8·63) = 0.880952; t = 4.5544, p = 0.003850;
    // se = √(1 + rho²/2)/√5 = 0.5323, so atanh rho = 1.379 ± 1.0433 → [0.334005, 0.984080].
    const result = spearman(x, y);
    expect(result.r).toBeCloseTo(0.880952, 6);
    expect(result.pValue).toBeCloseTo(0.00385, 5);
    expect(result.ci!.low).toBeCloseTo(0.334005, 5);
    expect(result.ci!.high).toBeCloseTo(0.98408, 5);
  });

  it('gives ties their average rank (as scipy.stats.spearmanr: 0.900778, p 0.002264)', () => {
    const result = spearman([1, 2, 2, 3, 4, 4, 4, 5], [1, 3, 2, 2, 5, 4, 6, 6]);
    expect(result.r).toBeCloseTo(0.900778, 6);
    expect(result.pValue).toBeCloseTo(0.002264, 6);
  });

  it('sees a monotone but non-linear relation as perfect where Pearson does not', () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const ys = xs.map((value) => Math.exp(value));
    expect(spearman(xs, ys).r).toBeCloseTo(1, 12);
    expect(pearson(xs, ys).r!).toBeLessThan(0.8);
  });

  it('covers the true rank correlation 93–97 % of the time (rho_s = 6/π·asin(0.25) = 0.4826, n 50)', () => {
    const truth = (6 / Math.PI) * Math.asin(0.25);
    const rate = coverageRate(1000, 511, (random) =>
      contains(spearman(...bivariate(random, 50, 0.5)).ci, truth),
    );
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });
});
