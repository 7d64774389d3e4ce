import { Matrix, solve } from 'ml-matrix';
import {
  relativeWeights,
  relativeWeightsFromCorrelations,
  shapleyR2,
  shapleyR2FromCorrelations,
} from './relative-importance';
import { mulberry32, normalFrom } from './seeded-random';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** R² of OLS with an intercept on the raw data, by the normal equations: an independent route. */
function olsRSquared(X: number[][], y: number[]): number {
  const A = new Matrix(X.map((row) => [1, ...row]));
  const beta = solve(A.transpose().mmul(A), A.transpose().mmul(Matrix.columnVector(y)));
  const fitted = A.mmul(beta).getColumn(0);
  const mean = sum(y) / y.length;
  return 1 - sum(y.map((value, i) => (value - fitted[i]) ** 2)) / sum(y.map((value) => (value - mean) ** 2));
}

function planted(seed: number, n: number) {
  const random = mulberry32(seed);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const x1 = normalFrom(random);
    const x2 = 0.5 * x1 + normalFrom(random);
    const x3 = 0.3 * x2 + normalFrom(random);
    X.push([x3, x1, x2]);
    y.push(0.6 * x1 + 0.3 * x2 + normalFrom(random));
  }
  return { X, y };
}

describe('relative weights and Shapley R²', () => {
  it('match the two-predictor case worked by hand (r1 = 0.6, r2 = 0.4, r12 = 0.3)', () => {
    // R² = (0.36 + 0.16 − 2·0.6·0.4·0.3)/(1 − 0.09) = 0.376/0.91 = 0.413187.
    // Shapley: φ1 = (r1² + R² − r2²)/2 = 0.306593, φ2 = (r2² + R² − r1²)/2 = 0.106593.
    // Relative weights: Λ½ = [[a, b], [b, a]], a = (√1.3 + √0.7)/2 = 0.988418, b = (√1.3 − √0.7)/2 = 0.151758;
    // β = Λ½⁻¹ r = (0.558053, 0.319006); w1 = a²β1² + b²β2² = 0.306593, w2 = b²β1² + a²β2² = 0.106593.
    const rxx = [
      [1, 0.3],
      [0.3, 1],
    ];
    for (const result of [
      shapleyR2FromCorrelations(rxx, [0.6, 0.4]),
      relativeWeightsFromCorrelations(rxx, [0.6, 0.4]),
    ]) {
      expect(result.rSquared).toBeCloseTo(0.413187, 6);
      expect(result.weights[0]).toBeCloseTo(0.306593, 6);
      expect(result.weights[1]).toBeCloseTo(0.106593, 6);
      expect(sum(result.shares)).toBeCloseTo(1, 12);
    }
  });

  it('match numpy on a three-predictor case (where the two methods differ slightly)', () => {
    const rxx = [
      [1, 0.5, 0.2],
      [0.5, 1, 0.4],
      [0.2, 0.4, 1],
    ];
    const rxy = [0.5, 0.45, 0.1];
    const rw = relativeWeightsFromCorrelations(rxx, rxy).weights;
    const shapley = shapleyR2FromCorrelations(rxx, rxy).weights;
    [0.175207, 0.129514, 0.006232].forEach((expected, j) => expect(rw[j]).toBeCloseTo(expected, 6));
    [0.17375, 0.13006, 0.007143].forEach((expected, j) => expect(shapley[j]).toBeCloseTo(expected, 5));
  });

  it('give each orthogonal predictor its own r² (Hadamard columns)', () => {
    const X = [1, 2, 3, 4, 5, 6, 7, 8].map((_, i) => [i % 2 ? 1 : -1, i % 4 < 2 ? 1 : -1, i < 4 ? 1 : -1]);
    const y = [3, 1, 4, 1, 5, 9, 2, 6];
    const r = [0, 1, 2].map((j) => {
      const column = X.map((row) => row[j]);
      const my = sum(y) / 8;
      return sum(column.map((c, i) => c * (y[i] - my))) / Math.sqrt(8 * sum(y.map((v) => (v - my) ** 2)));
    });
    for (const result of [relativeWeights(X, y)!, shapleyR2(X, y)!]) {
      r.forEach((value, j) => expect(result.weights[j]).toBeCloseTo(value * value, 12));
    }
  });

  it('rank planted drivers first and sum to the OLS R² on random data', () => {
    const { X, y } = planted(701, 1500);
    const rSquared = olsRSquared(X, y);
    for (const result of [relativeWeights(X, y)!, shapleyR2(X, y)!]) {
      expect(result.rSquared).toBeCloseTo(rSquared, 10);
      expect(Math.abs(sum(result.weights) - result.rSquared)).toBeLessThan(1e-12);
      result.weights.forEach((weight) => expect(weight).toBeGreaterThanOrEqual(0));
      const [x3, x1, x2] = result.weights;
      expect(x1).toBeGreaterThan(x2);
      expect(x2).toBeGreaterThan(x3);
      expect(x3 / result.rSquared).toBeLessThan(0.05);
    }
  });

  it('give a constant predictor zero, split an exact duplicate evenly, and answer null for a constant y', () => {
    const { X, y } = planted(702, 300);
    const withConstant = X.map((row) => [...row, 7]);
    const base = shapleyR2(X, y)!;
    const constant = shapleyR2(withConstant, y)!;
    expect(constant.weights[3]).toBe(0);
    base.weights.forEach((weight, j) => expect(constant.weights[j]).toBeCloseTo(weight, 10));
    expect(relativeWeights(withConstant, y)!.weights[3]).toBeCloseTo(0, 12);

    const duplicated = X.map((row) => [...row, row[1]]);
    for (const result of [shapleyR2(duplicated, y)!, relativeWeights(duplicated, y)!]) {
      expect(result.weights[1]).toBeCloseTo(result.weights[3], 8);
      expect(result.rSquared).toBeCloseTo(base.rSquared, 8);
    }
    expect(
      relativeWeights(
        X,
        y.map(() => 1),
      ),
    ).toBeNull();
    expect(shapleyR2([[1], [2]], [1, 2])).toBeNull();
    expect(() => shapleyR2FromCorrelations([], new Array(15).fill(0))).toThrow(RangeError);
  });
});
