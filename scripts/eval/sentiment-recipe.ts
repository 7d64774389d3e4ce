import {
  SentimentAnalyzer,
  type SentimentExample,
  type SentimentTrainOptions,
} from '../../src/modules/analysis/engine/sentiment/sentiment-analyzer';
import { loadUciSentences } from './datasets/uci-dataset';
import { loadVaderSnippets, VADER_SOURCES } from './datasets/vader-dataset';

/** Data the shipped model may learn from: licences allow it (UCI CC BY 4.0, VADER MIT). Never airline or SemEval. */
export type RecipeSource =
  'uci-amazon' | 'uci-imdb' | 'vader-tweets' | 'vader-movies' | 'vader-amazon' | 'vader-nyt';
export const RECIPE_SOURCES: RecipeSource[] = [
  'uci-amazon',
  'uci-imdb',
  'vader-tweets',
  'vader-movies',
  'vader-amazon',
  'vader-nyt',
];

/** VADER snippets rated within this band of 0 (on -4..+4) teach the neutral class. */
const VADER_NEUTRAL_BAND = 0.5;

/** Chosen by leave-one-dataset-out F1 on UCI/VADER only; airline data played no part. */
export const SHIPPED_TRAIN_OPTIONS: SentimentTrainOptions = {
  epochs: 3,
  learningRate: 0.2,
  l2: 1e-5,
  minCount: 3,
  maxTerms: 12_000,
  lexiconPrior: 1,
};

/** The shipped training set, optionally leaving sources out (for honest zero-shot figures). */
export function recipeExamples(datasetsDir: string, leaveOut: RecipeSource[] = []): SentimentExample[] {
  const examples: SentimentExample[] = [];
  for (const source of ['amazon', 'imdb'] as const) {
    if (leaveOut.includes(`uci-${source}`)) continue;
    for (const row of loadUciSentences(datasetsDir, source))
      examples.push({ text: row.text, label: row.label });
  }
  for (const source of VADER_SOURCES) {
    if (leaveOut.includes(`vader-${source}`)) continue;
    for (const row of loadVaderSnippets(datasetsDir, source)) {
      const label =
        row.meanRating > VADER_NEUTRAL_BAND
          ? 'positive'
          : row.meanRating < -VADER_NEUTRAL_BAND
            ? 'negative'
            : 'neutral';
      examples.push({ text: row.text, label });
    }
  }
  return examples;
}

/**
 * Trains with the shipped recipe on every allowed source except `leaveOut`. Each source weighs the same in
 * total, so 10,605 movie snippets do not turn the model into a film critic.
 */
export function trainWithRecipe(datasetsDir: string, leaveOut: RecipeSource[] = []): SentimentAnalyzer {
  const trainedOn = RECIPE_SOURCES.filter((s) => !leaveOut.includes(s));
  const examples: SentimentExample[] = [];
  const sampleWeights: number[] = [];
  const perSource = trainedOn.map((source) =>
    recipeExamples(
      datasetsDir,
      RECIPE_SOURCES.filter((s) => s !== source),
    ),
  );
  const total = perSource.reduce((sum, rows) => sum + rows.length, 0);
  for (const rows of perSource) {
    for (const row of rows) {
      examples.push(row);
      sampleWeights.push(total / (perSource.length * rows.length));
    }
  }
  return SentimentAnalyzer.train(examples, { ...SHIPPED_TRAIN_OPTIONS, sampleWeights, trainedOn });
}
