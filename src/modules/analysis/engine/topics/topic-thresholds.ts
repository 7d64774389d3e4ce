import { OneVsRestClassifier, type MultiLabelExample } from '../ml/one-vs-rest-classifier';
import type { FitOptions } from '../ml/feature-extractor';
import type { SoftmaxTrainOptions } from '../ml/softmax-regression';

/** Fewer positives than this and the tuned threshold is noise: keep 0.5. */
const MIN_POSITIVES = 8;
const CANDIDATES = Array.from({ length: 37 }, (_, i) => 0.05 + i * 0.025);

/**
 * Per-label decision thresholds chosen by k-fold cross-validation on the training examples: each fold's model
 * scores the texts it did not see, and each label keeps the threshold with the best F1 on those scores.
 * Independent binary models trained on skewed labels are too shy for rare topics at a fixed 0.5.
 */
export function tuneThresholds(
  examples: readonly MultiLabelExample[],
  labels: readonly string[],
  options: {
    features?: FitOptions;
    training?: SoftmaxTrainOptions;
    naiveBayesScaling?: boolean;
    folds: number;
  },
): number[] {
  const { folds } = options;
  const scores = examples.map(() => new Array<number>(labels.length).fill(0));
  const weights = options.training?.sampleWeights;
  for (let fold = 0; fold < folds; fold++) {
    const trainIdx = examples.map((_, i) => i).filter((i) => i % folds !== fold);
    const model = OneVsRestClassifier.train(
      trainIdx.map((i) => examples[i]),
      {
        labels: [...labels],
        features: options.features,
        naiveBayesScaling: options.naiveBayesScaling,
        training: { ...options.training, sampleWeights: weights && trainIdx.map((i) => weights[i]) },
      },
    );
    examples.forEach((e, i) => {
      if (i % folds !== fold) return;
      const p = model.predict(e.words, e.extras);
      labels.forEach((label, l) => (scores[i][l] = p[label]));
    });
  }
  return labels.map((label, l) => {
    const gold = examples.map((e) => e.labels.includes(label));
    if (gold.filter(Boolean).length < MIN_POSITIVES) return 0.5;
    let best = 0.5;
    let bestF1 = f1At(0.5, gold, scores, l);
    for (const t of CANDIDATES) {
      const f1 = f1At(t, gold, scores, l);
      if (f1 > bestF1 + 1e-9) [best, bestF1] = [t, f1];
    }
    return best;
  });
}

function f1At(threshold: number, gold: boolean[], scores: number[][], l: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  gold.forEach((g, i) => {
    const predicted = scores[i][l] >= threshold;
    if (g && predicted) tp++;
    else if (predicted) fp++;
    else if (g) fn++;
  });
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** Moves a probability so that `threshold` lands on 0.5: the detector keeps one cut-off for every topic. */
export function recalibrate(p: number, threshold: number): number {
  if (threshold === 0.5) return p;
  const above = p * (1 - threshold);
  return above / (above + (1 - p) * threshold);
}
