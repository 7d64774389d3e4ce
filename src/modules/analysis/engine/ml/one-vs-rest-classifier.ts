import type { SparseVector } from './sparse-vector';
import { FeatureExtractor, type FeatureExtractorJson, type FitOptions } from './feature-extractor';
import {
  SoftmaxRegression,
  type SoftmaxRegressionJson,
  type SoftmaxTrainOptions,
} from './softmax-regression';

export interface MultiLabelExample {
  words: string[];
  extras?: number[];
  labels: string[];
}

export interface OneVsRestTrainOptions {
  labels?: string[];
  features?: FitOptions;
  training?: SoftmaxTrainOptions;
  /**
   * Train each label's model on features scaled by how much more often each is present with the label than
   * without it (NBSVM's log-count ratio, Wang & Manning 2012), so telling features learn faster than
   * common ones. The scales are folded into the weights: prediction is unchanged in cost.
   */
  naiveBayesScaling?: boolean;
}

export interface OneVsRestJson {
  labels: string[];
  extractor: FeatureExtractorJson;
  models: SoftmaxRegressionJson[];
}

/**
 * Multi-label classification: one binary logistic regression per label over a shared feature space,
 * so a text can carry several labels (or none) with independent probabilities.
 */
export class OneVsRestClassifier {
  constructor(
    readonly labels: string[],
    readonly extractor: FeatureExtractor,
    private readonly models: SoftmaxRegression[],
  ) {}

  static train(examples: MultiLabelExample[], options: OneVsRestTrainOptions = {}): OneVsRestClassifier {
    const labels = options.labels ?? [...new Set(examples.flatMap((e) => e.labels))].sort();
    const extractor = FeatureExtractor.fit(
      examples.map((e) => e.words),
      options.features,
    );
    const xs = examples.map((e) => extractor.vectorize(e.words, e.extras));
    const models = labels.map((label) => {
      const ys = examples.map((e) => (e.labels.includes(label) ? 1 : 0));
      if (!options.naiveBayesScaling)
        return SoftmaxRegression.train(xs, ys, ['no', 'yes'], extractor.numFeatures, options.training);
      const ratios = logCountRatios(xs, ys, extractor.numFeatures, options.training?.sampleWeights);
      return SoftmaxRegression.train(
        xs.map((x) => scaled(x, ratios)),
        ys,
        ['no', 'yes'],
        extractor.numFeatures,
        options.training,
      ).withScaledFeatures(ratios);
    });
    return new OneVsRestClassifier(labels, extractor, models);
  }

  /** Probability of each label, independently. */
  predict(words: string[], extras?: number[]): Record<string, number> {
    const x = this.extractor.vectorize(words, extras);
    const result: Record<string, number> = {};
    this.labels.forEach((label, i) => (result[label] = this.models[i].predictProba(x)[1]));
    return result;
  }

  toJSON(): OneVsRestJson {
    return {
      labels: this.labels,
      extractor: this.extractor.toJSON(),
      models: this.models.map((m) => m.toJSON()),
    };
  }

  static fromJSON(json: OneVsRestJson): OneVsRestClassifier {
    return new OneVsRestClassifier(
      json.labels,
      FeatureExtractor.fromJSON(json.extractor),
      json.models.map((m) => SoftmaxRegression.fromJSON(m)),
    );
  }
}

/** Add-one smoothing of the presence counts, as in NBSVM. */
const COUNT_PRIOR = 1;

/**
 * |log((p_f / |p|) / (q_f / |q|))| for each feature f (terms and extras alike, an extra being present when
 * non-zero), p and q being its weighted, smoothed presence counts in the label's positive and negative
 * examples. The sign is dropped: a binary model's weight carries it.
 */
function logCountRatios(
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

/** x with each feature multiplied by its ratio. */
function scaled(x: SparseVector, ratios: Float64Array): SparseVector {
  const values = x.values.slice();
  for (let j = 0; j < values.length; j++) values[j] *= ratios[x.indices[j]];
  return { indices: x.indices, values };
}
