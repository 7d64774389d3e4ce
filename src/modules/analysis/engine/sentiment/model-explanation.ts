import type { SparseVector } from '../ml/sparse-vector';
import type { TextClassifier } from '../ml/text-classifier';
import type { SentimentExplanation } from './sentiment-explanation';

const MAX_MODEL_TERMS = 3;
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

/** The strongest terms found so far by explainModel, strongest first: scratch reused by every call. */
const topIndex = new Int32Array(MAX_MODEL_TERMS);
const topWeight = new Float64Array(MAX_MODEL_TERMS);

/**
 * The few words or bigrams of a text whose learned weights pushed hardest towards positive or negative: the
 * first MAX_MODEL_TERMS of the strong terms stably sorted by strength, picked as they come (a text has four
 * strong terms on average, and an object for each, sorted, cost more than the prediction). They are appended
 * to `found` (the lexicon's hits, say), which is returned.
 */
export function explainModel(
  vocabulary: string[],
  polarity: Float64Array | null,
  vector: SparseVector,
  found: SentimentExplanation[] = [],
): SentimentExplanation[] {
  if (polarity === null) return found;
  let count = 0;
  for (const index of vector.indices) {
    const weight = index < polarity.length ? polarity[index] : 0;
    if (Math.abs(weight) < MIN_WEIGHT) continue;
    const rounded = Math.round(weight * 1000) / 1000;
    // Strength compares the rounded weights, and a term goes after the earlier ones as strong (stable).
    let at = count;
    while (at > 0 && Math.abs(rounded) > Math.abs(topWeight[at - 1])) at--;
    if (at >= MAX_MODEL_TERMS) continue;
    for (let k = Math.min(count, MAX_MODEL_TERMS - 1); k > at; k--) {
      topIndex[k] = topIndex[k - 1];
      topWeight[k] = topWeight[k - 1];
    }
    topIndex[at] = index;
    topWeight[at] = rounded;
    if (count < MAX_MODEL_TERMS) count++;
  }
  for (let k = 0; k < count; k++) {
    found.push({ token: vocabulary[topIndex[k]], weight: topWeight[k], rule: 'model' });
  }
  return found;
}
