import { inverse, Matrix } from 'ml-matrix';
import { normalCritical, normalTwoSidedP } from './distributions';
import { Interval } from './statistics.types';

// Module-level copies: in Jest's vm sandbox every lookup of a global such as `Math` is ~100× slower,
// which made the seeded simulations crawl; in Node itself this changes nothing.
const { exp, log1p, abs } = Math;
const { isFinite } = Number;

/** One coefficient on the log-odds scale, with its odds ratio exp(estimate) and Wald interval and test. */
export interface LogisticTerm {
  estimate: number;
  standardError: number;
  ci: Interval;
  oddsRatio: number;
  oddsRatioCi: Interval;
  zValue: number;
  pValue: number;
}

export interface LogisticRegressionResult {
  n: number;
  intercept: LogisticTerm;
  /** One per column of X, in the same order. */
  coefficients: LogisticTerm[];
  iterations: number;
  logLikelihood: number;
}

export interface LogisticRegressionOptions {
  confidence?: number;
  maxIterations?: number;
  /** Converged once no coefficient moves by more than this between Newton steps. */
  tolerance?: number;
}

/** |linear predictor| beyond this means fitted probabilities of 0 or 1: (quasi-)complete separation. */
const SEPARATION_ETA = 30;

function logLikelihoodOf(eta: number[], y: number[]): number {
  // log σ(η) = −log(1 + e^−η), written so large |η| neither overflows nor loses precision.
  const logSigmoid = (value: number) => (value > 0 ? -log1p(exp(-value)) : value - log1p(exp(value)));
  return eta.reduce((sum, value, i) => sum + (y[i] === 1 ? logSigmoid(value) : logSigmoid(-value)), 0);
}

/** A log-odds estimate with its Wald interval (z = the critical value) and two-sided test. */
export function logisticTerm(estimate: number, variance: number, z: number): LogisticTerm {
  const standardError = Math.sqrt(variance);
  const ci = { low: estimate - z * standardError, high: estimate + z * standardError };
  return {
    estimate,
    standardError,
    ci,
    oddsRatio: Math.exp(estimate),
    oddsRatioCi: { low: Math.exp(ci.low), high: Math.exp(ci.high) },
    zValue: estimate / standardError,
    pValue: normalTwoSidedP(estimate / standardError),
  };
}

/**
 * Maximum-likelihood logistic regression of y (0/1) on the columns of X plus an intercept, fitted by Newton's
 * method (IRLS): β ← β + (XᵀWX)⁻¹ Xᵀ(y − μ), W = diag(μ(1 − μ)). Standard errors from the inverse Fisher
 * information (XᵀWX)⁻¹ at the optimum (ml-matrix inverts it), Wald intervals and z tests (jstat's normal).
 * Null when the estimate does not exist or cannot be computed: y all one class, fewer rows than parameters
 * + 1, collinear columns, separation (a predictor splits the classes perfectly), or no convergence.
 */
export function logisticRegression(
  X: number[][],
  y: (0 | 1)[],
  options: LogisticRegressionOptions = {},
): LogisticRegressionResult | null {
  const { confidence = 0.95, maxIterations = 50, tolerance = 1e-9 } = options;
  if (X.length !== y.length) throw new RangeError(`X has ${X.length} rows but y has ${y.length} values`);
  const n = y.length;
  const k = (X[0]?.length ?? 0) + 1;
  const rows = X.map((row) => {
    if (row.length !== k - 1 || !row.every(isFinite)) throw new RangeError('X must be a finite matrix');
    return [1, ...row];
  });
  if (y.some((value) => value !== 0 && value !== 1)) throw new RangeError('y must hold 0 or 1 only');
  const positives = y.reduce<number>((sum, value) => sum + value, 0);
  if (n <= k || positives === 0 || positives === n) return null;

  let beta = new Array<number>(k).fill(0);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    const { information, score } = newtonTerms(rows, y, beta);
    const covariance = invertOrNull(information);
    if (!covariance) return null;
    const step = covariance.mmul(Matrix.columnVector(score)).getColumn(0);
    beta = beta.map((value, j) => value + step[j]);
    if (Math.max(...step.map(Math.abs)) < tolerance)
      return finish(rows, y, beta, covariance, iteration, confidence);
  }
  return null;
}

/** Fisher information XᵀWX and score Xᵀ(y − μ) at β; plain loops because this runs n·k² times per step. */
function newtonTerms(
  rows: number[][],
  y: number[],
  beta: number[],
): { information: number[][]; score: number[] } {
  const k = beta.length;
  const information = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const score = new Array<number>(k).fill(0);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    let eta = 0;
    for (let j = 0; j < k; j++) eta += row[j] * beta[j];
    const mu = 1 / (1 + exp(-eta));
    const weight = mu * (1 - mu);
    const residual = y[i] - mu;
    for (let a = 0; a < k; a++) {
      score[a] += row[a] * residual;
      const weighted = weight * row[a];
      for (let b = 0; b <= a; b++) information[a][b] += weighted * row[b];
    }
  }
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) information[a][b] = information[b][a];
  return { information, score };
}

function invertOrNull(information: number[][]): Matrix | null {
  let inverted: Matrix;
  try {
    inverted = inverse(new Matrix(information));
  } catch {
    return null; // ml-matrix throws on an exactly singular matrix (collinear columns)
  }
  const ok = inverted.to1DArray().every(Number.isFinite) && inverted.diag().every((value) => value > 0);
  return ok ? inverted : null;
}

function finish(
  rows: number[][],
  y: number[],
  beta: number[],
  covariance: Matrix,
  iterations: number,
  confidence: number,
): LogisticRegressionResult | null {
  const eta = rows.map((row) => row.reduce((sum, value, j) => sum + value * beta[j], 0));
  if (eta.some((value) => abs(value) > SEPARATION_ETA)) return null;
  const z = normalCritical(confidence);
  const terms = beta.map((estimate, j) => logisticTerm(estimate, covariance.get(j, j), z));
  return {
    n: y.length,
    intercept: terms[0],
    coefficients: terms.slice(1),
    iterations,
    logLikelihood: logLikelihoodOf(eta, y),
  };
}
