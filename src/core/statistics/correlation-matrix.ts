import { Matrix, solve } from 'ml-matrix';

/**
 * Predictor intercorrelations Rxx and predictor–outcome correlations rxy: everything R² decompositions need.
 * `constant` marks predictors with no variance (e.g. a topic nobody raised in the sample); they get zero
 * correlations and, downstream, zero importance.
 */
export interface Correlations {
  rxx: number[][];
  rxy: number[];
  constant: boolean[];
}

function standardise(values: number[]): number[] | null {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const ss = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  // Relative test: a column of one repeated value has ss of rounding size only.
  if (!(ss > 1e-24 * n * (mean * mean + 1))) return null;
  const scale = Math.sqrt(ss);
  return values.map((value) => (value - mean) / scale);
}

/** Null when y is constant or X and y do not match; throws on ragged or non-finite input. */
export function correlationsOf(X: number[][], y: number[]): Correlations | null {
  if (X.length !== y.length) throw new RangeError(`X has ${X.length} rows but y has ${y.length} values`);
  const p = X[0]?.length ?? 0;
  if (X.some((row) => row.length !== p) || ![...X.flat(), ...y].every(Number.isFinite)) {
    throw new RangeError('X must be a finite rectangular matrix and y finite');
  }
  const zy = y.length < 2 ? null : standardise(y);
  if (!zy) return null;
  const columns = Array.from({ length: p }, (_, j) => standardise(X.map((row) => row[j])));
  const dot = (a: number[], b: number[]) => a.reduce((sum, value, i) => sum + value * b[i], 0);
  const rxx = columns.map((a, i) => columns.map((b, j) => (i === j ? 1 : a && b ? dot(a, b) : 0)));
  return { rxx, rxy: columns.map((a) => (a ? dot(a, zy) : 0)), constant: columns.map((a) => a === null) };
}

/** R² of the least-squares fit on the predictors `subset`: r_Sᵀ R_SS⁻¹ r_S (ml-matrix solves; SVD if singular). */
export function rSquaredOfSubset(rxx: number[][], rxy: number[], subset: number[]): number {
  if (subset.length === 0) return 0;
  const a = new Matrix(subset.map((i) => subset.map((j) => rxx[i][j])));
  const b = Matrix.columnVector(subset.map((i) => rxy[i]));
  let beta: Matrix;
  try {
    beta = solve(a, b);
    if (!beta.to1DArray().every(Number.isFinite)) throw new Error('singular');
  } catch {
    beta = solve(a, b, true);
  }
  return subset.reduce((sum, i, k) => sum + rxy[i] * beta.get(k, 0), 0);
}
