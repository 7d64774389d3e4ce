import { TextClassifier, type TextClassifierOptions, type TextExample } from '../ml/text-classifier';

const STEPS = [-1, -0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 1];
const PASSES = 3;
/** Offsets stay small: they correct the balance between topics, they must not silence one. */
const MAX_OFFSET = 2;

/**
 * Per-class log-probability offsets chosen by k-fold cross-validation on the training examples: each fold's
 * model scores the texts it did not see, and coordinate ascent moves each class's offset while macro-F1 of the
 * best class on those scores improves. Balanced training evens the classes' priors, but not how sure the
 * model is of each; this evens the latter, so a small topic is chosen as often as it is right.
 */
export function tuneClassOffsets(
  examples: readonly TextExample[],
  options: TextClassifierOptions & { classes: string[]; folds: number },
): number[] {
  const { classes, folds } = options;
  const scores: number[][] = examples.map(() => []);
  const weights = options.training?.sampleWeights;
  for (let fold = 0; fold < folds; fold++) {
    const trainIdx = examples.map((_, i) => i).filter((i) => i % folds !== fold);
    const model = TextClassifier.train(
      trainIdx.map((i) => examples[i]),
      {
        ...options,
        training: { ...options.training, sampleWeights: weights && trainIdx.map((i) => weights[i]) },
      },
    );
    examples.forEach((e, i) => {
      if (i % folds === fold)
        scores[i] = model.predictProba(e.words, e.extras).map((p) => Math.log(p + 1e-12));
    });
  }
  const gold = examples.map((e) => classes.indexOf(e.label));
  const offsets = new Array<number>(classes.length).fill(0);
  let best = macroF1(scores, gold, offsets, classes.length);
  for (let pass = 0; pass < PASSES; pass++) {
    for (let c = 0; c < classes.length; c++) {
      for (const step of STEPS) {
        const tried = offsets.slice();
        tried[c] = Math.max(-MAX_OFFSET, Math.min(MAX_OFFSET, tried[c] + step));
        const f1 = macroF1(scores, gold, tried, classes.length);
        if (f1 > best + 1e-9) [best, offsets[c]] = [f1, tried[c]];
      }
    }
  }
  return offsets;
}

/** Probabilities with each class's log-offset added, renormalised. */
export function applyOffsets(probabilities: number[], offsets: readonly number[]): number[] {
  let sum = 0;
  for (let c = 0; c < probabilities.length; c++) sum += probabilities[c] *= Math.exp(offsets[c]);
  for (let c = 0; c < probabilities.length; c++) probabilities[c] /= sum;
  return probabilities;
}

function macroF1(scores: number[][], gold: number[], offsets: number[], k: number): number {
  const tp = new Array<number>(k).fill(0);
  const predicted = new Array<number>(k).fill(0);
  const actual = new Array<number>(k).fill(0);
  scores.forEach((s, i) => {
    let best = 0;
    for (let c = 1; c < k; c++) if (s[c] + offsets[c] > s[best] + offsets[best]) best = c;
    predicted[best]++;
    actual[gold[i]]++;
    if (best === gold[i]) tp[best]++;
  });
  let sum = 0;
  let present = 0;
  for (let c = 0; c < k; c++) {
    if (actual[c] === 0) continue;
    present++;
    sum += tp[c] === 0 ? 0 : (2 * tp[c]) / (predicted[c] + actual[c]);
  }
  return present ? sum / present : 0;
}
