import type { SparseVector } from '../ml/sparse-vector';
import type { TextClassifier } from '../ml/text-classifier';
import { sortSmall } from '../ml/sort-small';
import type { SentimentExplanation } from './sentiment-explanation';

const MAX_MODEL_TERMS = 3;
const byStrength = (a: SentimentExplanation, b: SentimentExplanation): number =>
  Math.abs(b.weight) - Math.abs(a.weight);
/** Terms whose positive-minus-negative weight is smaller than this say nothing worth showing. */
const MIN_WEIGHT = 0.5;

/**
 * Positive-minus-negative weight of every term, computed once per model so explaining a prediction reads
 * one number per feature. Null when the model lacks a positive or a negative class.
 */
export function termPolarities(
  classifier: TextClassifier,
  negative: number,
  positive: number,
): Float64Array | null {
  if (negative < 0 || positive < 0) return null;
  const polarity = new Float64Array(classifier.extractor.extrasOffset);
  for (let i = 0; i < polarity.length; i++) {
    polarity[i] = classifier.model.weight(i, positive) - classifier.model.weight(i, negative);
  }
  return polarity;
}

/** The few words or bigrams of a text whose learned weights pushed hardest towards positive or negative. */
export function explainModel(
  vocabulary: string[],
  polarity: Float64Array | null,
  vector: SparseVector,
): SentimentExplanation[] {
  if (polarity === null) return [];
  const found: SentimentExplanation[] = [];
  for (const index of vector.indices) {
    const weight = index < polarity.length ? polarity[index] : 0;
    if (Math.abs(weight) >= MIN_WEIGHT) {
      found.push({ token: vocabulary[index], weight: Math.round(weight * 1000) / 1000, rule: 'model' });
    }
  }
  return found.length <= 1 ? found : sortSmall(found, byStrength).slice(0, MAX_MODEL_TERMS);
}
