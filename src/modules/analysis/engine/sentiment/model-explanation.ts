import type { SparseVector } from '../ml/sparse-vector';
import type { TextClassifier } from '../ml/text-classifier';
import type { SentimentExplanation } from './sentiment-explanation';

const MAX_MODEL_TERMS = 3;
/** Terms whose positive-minus-negative weight is smaller than this say nothing worth showing. */
const MIN_WEIGHT = 0.5;

/** The few words or bigrams of a text whose learned weights pushed hardest towards positive or negative. */
export function explainModel(
  classifier: TextClassifier,
  vector: SparseVector,
  classIndex: number[],
): SentimentExplanation[] {
  const [negative, , positive] = classIndex;
  if (negative < 0 || positive < 0) return [];
  const found: SentimentExplanation[] = [];
  const termCount = classifier.extractor.extrasOffset;
  for (const index of vector.indices) {
    if (index >= termCount) continue;
    const weight = classifier.model.weight(index, positive) - classifier.model.weight(index, negative);
    if (Math.abs(weight) >= MIN_WEIGHT)
      found.push({
        token: classifier.extractor.vocabulary[index],
        weight: Math.round(weight * 1000) / 1000,
        rule: 'model',
      });
  }
  return found.length <= 1
    ? found
    : found.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)).slice(0, MAX_MODEL_TERMS);
}
