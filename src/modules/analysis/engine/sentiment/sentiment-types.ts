import type { TextClassifierJson } from '../ml/text-classifier';
import type { SentimentExplanation } from './sentiment-explanation';

export type SentimentLabel = 'positive' | 'neutral' | 'negative' | 'mixed';
export type SentimentClass = 'positive' | 'neutral' | 'negative';

export interface SentimentResult {
  label: SentimentLabel;
  /** P(positive) - P(negative), -1..1. */
  score: number;
  /** Probability of the chosen class, 0..1. */
  confidence: number;
  explanation: SentimentExplanation[];
}

export interface SentenceSentiment extends SentimentResult {
  text: string;
  start: number;
  end: number;
}

export interface SentimentExample {
  text: string;
  label: SentimentClass;
}

export interface SentimentTrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** Reweight classes so skewed data does not starve the small ones (helps macro-F1). */
  balanced?: boolean;
  /** Per-example weights, same order as the examples. */
  sampleWeights?: number[];
  charNgrams?: [number, number] | null;
  minCount?: number;
  /** Keep only this many strongest terms, to ship a small model. */
  maxTerms?: number;
  /** Names of the data the model was trained on, recorded in its JSON. */
  trainedOn?: string[];
  /**
   * How far the rule-based lexicon score shifts the model's positive/negative log-odds. Training on reviews
   * teaches the model to lean on review vocabulary; a fixed lexicon prior keeps it sound on other text.
   */
  lexiconPrior?: number;
}

export interface SentimentModelJson {
  format: 'hearken-sentiment/1';
  trainedOn: string[];
  lexiconPrior: number;
  classifier: TextClassifierJson;
}
