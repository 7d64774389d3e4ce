import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { correlationsOf, rSquaredOfSubset } from './correlation-matrix';

/** How R² of a linear model splits over its predictors: `weights` sum to `rSquared`; `shares` sum to 1. */
export interface ImportanceResult {
  rSquared: number;
  weights: number[];
  shares: number[];
}

/** Shapley R² is exact over all 2^p subsets, so p is capped to keep it fast. */
export const MAX_SHAPLEY_PREDICTORS = 14;

function result(rSquared: number, weights: number[]): ImportanceResult {
  return { rSquared, weights, shares: weights.map((weight) => (rSquared > 0 ? weight / rSquared : 0)) };
}

/**
 * Johnson's (2000) relative weights from correlations: Rxx = VΛVᵀ, Λ½ = VΛ^½Vᵀ (correlations of X with its
 * closest orthogonal counterpart Z), β = Λ½⁻¹ rxy (y on Z), weight_j = Σ_k (Λ½)_jk² β_k². The weights sum to
 * R² = rxyᵀ Rxx⁻¹ rxy. Zero eigenvalues (collinear predictors) are dropped, i.e. a pseudo-inverse is used.
 */
export function relativeWeightsFromCorrelations(rxx: number[][], rxy: number[]): ImportanceResult {
  const p = rxy.length;
  if (p === 0) return result(0, []);
  const evd = new EigenvalueDecomposition(new Matrix(rxx), { assumeSymmetric: true });
  const vectors = evd.eigenvectorMatrix;
  const roots = evd.realEigenvalues.map((value) => Math.sqrt(Math.max(0, value)));
  const largest = Math.max(...roots);
  const half = (i: number, j: number) =>
    roots.reduce((sum, root, k) => sum + vectors.get(i, k) * root * vectors.get(j, k), 0);
  const lambdaHalf = Array.from({ length: p }, (_, i) => Array.from({ length: p }, (_, j) => half(i, j)));
  // β = V Λ^−½ Vᵀ rxy, skipping directions with (numerically) zero variance.
  const projections = roots.map((root, k) => {
    if (root <= 1e-7 * largest) return 0;
    return rxy.reduce((sum, r, i) => sum + vectors.get(i, k) * r, 0) / root;
  });
  const beta = rxy.map((_, i) => projections.reduce((sum, value, k) => sum + vectors.get(i, k) * value, 0));
  const weights = lambdaHalf.map((row) =>
    row.reduce((sum, value, k) => sum + value * value * beta[k] * beta[k], 0),
  );
  return result(
    weights.reduce((sum, weight) => sum + weight, 0),
    weights,
  );
}

/**
 * Exact Shapley decomposition of R² (also called dominance analysis' general dominance): predictor j gets
 * Σ over subsets S of the others of |S|!(p−|S|−1)!/p! · (R²(S ∪ j) − R²(S)). Sums to the full R² exactly.
 */
export function shapleyR2FromCorrelations(rxx: number[][], rxy: number[]): ImportanceResult {
  const p = rxy.length;
  if (p > MAX_SHAPLEY_PREDICTORS)
    throw new RangeError(`Shapley R² takes at most ${MAX_SHAPLEY_PREDICTORS} predictors`);
  const r2 = new Float64Array(1 << p);
  for (let mask = 1; mask < 1 << p; mask++) {
    const subset = Array.from({ length: p }, (_, i) => i).filter((i) => mask & (1 << i));
    r2[mask] = rSquaredOfSubset(rxx, rxy, subset);
  }
  const factorial = [1];
  for (let i = 1; i <= p; i++) factorial.push(factorial[i - 1] * i);
  const weights = new Array<number>(p).fill(0);
  for (let mask = 0; mask < 1 << p; mask++) {
    const size = popcount(mask);
    if (size === p) continue;
    const coalitionWeight = (factorial[size] * factorial[p - size - 1]) / factorial[p];
    for (let j = 0; j < p; j++) {
      if (!(mask & (1 << j))) weights[j] += coalitionWeight * (r2[mask | (1 << j)] - r2[mask]);
    }
  }
  return result(r2[(1 << p) - 1], weights);
}

function popcount(mask: number): number {
  let count = 0;
  for (let rest = mask; rest; rest &= rest - 1) count++;
  return count;
}

/** Relative weights of the columns of X for y; null when y is constant or there are not more rows than predictors + 1. */
export function relativeWeights(X: number[][], y: number[]): ImportanceResult | null {
  const correlations = correlationsOf(X, y);
  if (!correlations || y.length <= (X[0]?.length ?? 0) + 1) return null;
  return relativeWeightsFromCorrelations(correlations.rxx, correlations.rxy);
}

/** Shapley R² of the columns of X for y (at most MAX_SHAPLEY_PREDICTORS); null as for `relativeWeights`. */
export function shapleyR2(X: number[][], y: number[]): ImportanceResult | null {
  const correlations = correlationsOf(X, y);
  if (!correlations || y.length <= (X[0]?.length ?? 0) + 1) return null;
  return shapleyR2FromCorrelations(correlations.rxx, correlations.rxy);
}
