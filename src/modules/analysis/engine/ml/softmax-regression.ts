import { packWeights, unpackWeights, type CompactWeights } from './compact-weights';
import type { SparseVector } from './sparse-vector';

export interface SoftmaxTrainOptions {
  epochs?: number;
  /** Base step size; AdaGrad scales it per coordinate, so rare features still learn. */
  learningRate?: number;
  /** L2 penalty per example, applied lazily to the coordinates an example touches. */
  l2?: number;
  /** Weight each class by n / (k * n_class) so macro-F1 does not suffer from skewed data. */
  balanced?: boolean;
  /** Per-example weights (e.g. rater agreement), multiplied into the gradient. */
  sampleWeights?: number[];
  seed?: number;
}

export interface SoftmaxRegressionJson {
  classes: string[];
  numFeatures: number;
  weights: CompactWeights;
  bias: number[];
}

/**
 * Multinomial logistic regression over sparse features, trained with SGD (AdaGrad step sizes) and L2.
 * Weights are laid out feature-major (w[f * k + c]) so a sparse example reads k adjacent numbers per feature.
 */
export class SoftmaxRegression {
  private readonly scratch: Float64Array;

  constructor(
    readonly classes: string[],
    readonly numFeatures: number,
    private readonly weights: Float64Array = new Float64Array(numFeatures * classes.length),
    private readonly bias: Float64Array = new Float64Array(classes.length),
  ) {
    this.scratch = new Float64Array(classes.length);
  }

  static train(
    xs: SparseVector[],
    ys: number[],
    classes: string[],
    numFeatures: number,
    options: SoftmaxTrainOptions = {},
  ): SoftmaxRegression {
    const { epochs = 8, learningRate = 0.3, l2 = 1e-5, balanced = false, seed = 1 } = options;
    const k = classes.length;
    const model = new SoftmaxRegression(classes, numFeatures);
    const gradSq = new Float64Array(numFeatures * k).fill(1e-8);
    const biasGradSq = new Float64Array(k).fill(1e-8);
    const classWeight = balanced ? balancedClassWeights(ys, k) : new Array<number>(k).fill(1);
    const order = xs.map((_, i) => i);
    const random = mulberry32(seed);
    const probs = new Float64Array(k);
    for (let epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      for (const i of order) {
        const x = xs[i];
        model.probabilitiesInto(x, probs);
        const scale = classWeight[ys[i]] * (options.sampleWeights?.[i] ?? 1);
        for (let c = 0; c < k; c++) {
          const g = (probs[c] - (ys[i] === c ? 1 : 0)) * scale;
          biasGradSq[c] += g * g;
          model.bias[c] -= (learningRate * g) / Math.sqrt(biasGradSq[c]);
          for (let j = 0; j < x.indices.length; j++) {
            const at = x.indices[j] * k + c;
            const gw = g * x.values[j] + l2 * model.weights[at];
            gradSq[at] += gw * gw;
            model.weights[at] -= (learningRate * gw) / Math.sqrt(gradSq[at]);
          }
        }
      }
    }
    return model;
  }

  /** Class probabilities; the returned array is fresh and safe to keep. */
  predictProba(x: SparseVector): number[] {
    const scratch = this.scratch;
    this.probabilitiesInto(x, scratch);
    // A plain copy: Array.from walks the typed array through its iterator.
    const probabilities = new Array<number>(scratch.length);
    for (let c = 0; c < scratch.length; c++) probabilities[c] = scratch[c];
    return probabilities;
  }

  /** Class probabilities written into `out` (length = number of classes): no allocation per prediction. */
  predictInto(x: SparseVector, out: Float64Array): void {
    this.probabilitiesInto(x, out);
  }

  /** Weight of feature `index` in class `c`'s logit: used for explanations. */
  weight(index: number, c: number): number {
    return this.weights[index * this.classes.length + c];
  }

  /** Largest absolute weight of each feature, for pruning the vocabulary before shipping. */
  featureStrengths(): Float64Array {
    const k = this.classes.length;
    const strengths = new Float64Array(this.numFeatures);
    for (let f = 0; f < this.numFeatures; f++) {
      for (let c = 0; c < k; c++) strengths[f] = Math.max(strengths[f], Math.abs(this.weights[f * k + c]));
    }
    return strengths;
  }

  /**
   * The same model for inputs not multiplied by `scales`: trained on x * scales, it reads x with weights
   * multiplied by the scales (features past scales.length keep theirs).
   */
  withScaledFeatures(scales: ArrayLike<number>): SoftmaxRegression {
    const k = this.classes.length;
    const weights = Float64Array.from(this.weights);
    for (let f = 0; f < scales.length; f++) for (let c = 0; c < k; c++) weights[f * k + c] *= scales[f];
    return new SoftmaxRegression(this.classes, this.numFeatures, weights, Float64Array.from(this.bias));
  }

  /** A model over the kept features only, in the order given. */
  select(keep: number[]): SoftmaxRegression {
    const k = this.classes.length;
    const weights = new Float64Array(keep.length * k);
    keep.forEach((f, i) => weights.set(this.weights.subarray(f * k, f * k + k), i * k));
    return new SoftmaxRegression(this.classes, keep.length, weights, Float64Array.from(this.bias));
  }

  toJSON(): SoftmaxRegressionJson {
    return {
      classes: this.classes,
      numFeatures: this.numFeatures,
      weights: packWeights(this.weights),
      bias: Array.from(this.bias, (b) => Math.round(b * 1e5) / 1e5),
    };
  }

  static fromJSON(json: SoftmaxRegressionJson): SoftmaxRegression {
    const weights = unpackWeights(json.weights);
    if (weights.length !== json.numFeatures * json.classes.length)
      throw new Error('softmax model: weight count mismatch');
    return new SoftmaxRegression(json.classes, json.numFeatures, weights, Float64Array.from(json.bias));
  }

  private probabilitiesInto(x: SparseVector, out: Float64Array): void {
    const k = this.classes.length;
    if (k === 3) this.logits3Into(x, out);
    else {
      for (let c = 0; c < k; c++) out[c] = this.bias[c];
      this.addWeightsInto(x, out);
    }
    let max = -Infinity;
    for (let c = 0; c < k; c++) max = Math.max(max, out[c]);
    let sum = 0;
    for (let c = 0; c < k; c++) sum += out[c] = Math.exp(out[c] - max);
    for (let c = 0; c < k; c++) out[c] /= sum;
  }

  private addWeightsInto(x: SparseVector, out: Float64Array): void {
    const k = this.classes.length;
    for (let j = 0; j < x.indices.length; j++) {
      const base = x.indices[j] * k;
      const v = x.values[j];
      for (let c = 0; c < k; c++) out[c] += this.weights[base + c] * v;
    }
  }

  /**
   * The logits of a three-class model (sentiment's), summed in locals: the same additions in the same order
   * as addWeightsInto, so the same numbers, without storing each class's sum after every feature.
   */
  private logits3Into(x: SparseVector, out: Float64Array): void {
    const { weights, bias } = this;
    const { indices, values } = x;
    let l0 = bias[0];
    let l1 = bias[1];
    let l2 = bias[2];
    for (let j = 0; j < indices.length; j++) {
      const base = indices[j] * 3;
      const v = values[j];
      l0 += weights[base] * v;
      l1 += weights[base + 1] * v;
      l2 += weights[base + 2] * v;
    }
    out[0] = l0;
    out[1] = l1;
    out[2] = l2;
  }
}

function balancedClassWeights(ys: number[], k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (const y of ys) counts[y]++;
  return counts.map((n) => (n > 0 ? ys.length / (k * n) : 0));
}

function shuffle(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
}

/** Small seeded PRNG so training is reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
