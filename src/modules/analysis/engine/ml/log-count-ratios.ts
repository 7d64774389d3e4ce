import type { SparseVector } from './sparse-vector';

/** Add-one smoothing of the presence counts, as in NBSVM. */
const COUNT_PRIOR = 1;

/**
 * |log((p_f / |p|) / (q_f / |q|))| for each feature f (terms and extras alike, an extra being present when
 * non-zero), p and q being its weighted, smoothed presence counts in the label's positive and negative
 * examples. The sign is dropped: a binary model's weight carries it.
 */
export function logCountRatios(
  xs: readonly SparseVector[],
  ys: readonly number[],
  numFeatures: number,
  weights: readonly number[] | undefined,
): Float64Array {
  const p = new Float64Array(numFeatures).fill(COUNT_PRIOR);
  const q = new Float64Array(numFeatures).fill(COUNT_PRIOR);
  xs.forEach((x, i) => {
    const counts = ys[i] === 1 ? p : q;
    const w = weights?.[i] ?? 1;
    for (let j = 0; j < x.indices.length; j++) if (x.values[j] !== 0) counts[x.indices[j]] += w;
  });
  let pTotal = 0;
  let qTotal = 0;
  for (let f = 0; f < numFeatures; f++) {
    pTotal += p[f];
    qTotal += q[f];
  }
  const ratios = new Float64Array(numFeatures);
  for (let f = 0; f < numFeatures; f++) ratios[f] = Math.abs(Math.log(p[f] / pTotal / (q[f] / qTotal)));
  return ratios;
}

/**
 * One scale per feature for a model over exclusive classes: its largest log-count ratio of any class against
 * the rest, so a feature that marks one class well learns fast in every class's row.
 */
export function multiClassLogCountRatios(
  xs: readonly SparseVector[],
  ys: readonly number[],
  numClasses: number,
  numFeatures: number,
  weights: readonly number[] | undefined,
): Float64Array {
  const scales = new Float64Array(numFeatures);
  for (let c = 0; c < numClasses; c++) {
    const ratios = logCountRatios(
      xs,
      ys.map((y) => (y === c ? 1 : 0)),
      numFeatures,
      weights,
    );
    for (let f = 0; f < numFeatures; f++) scales[f] = Math.max(scales[f], ratios[f]);
  }
  return scales;
}

/** x with each feature multiplied by its ratio. */
export function scaled(x: SparseVector, ratios: Float64Array): SparseVector {
  const values = x.values.slice();
  for (let j = 0; j < values.length; j++) values[j] *= ratios[x.indices[j]];
  return { indices: x.indices, values };
}
