import type { FitOptions } from '../ml/feature-extractor';
import { OneVsRestClassifier, type OneVsRestJson } from '../ml/one-vs-rest-classifier';
import type { Token } from '../text/token';
import { knownTopic } from './known-topics';
import { PhraseMatcher } from './phrase-matcher';
import type { TopicDefinition } from './topic-definition';
import type { SoftmaxTrainOptions } from '../ml/softmax-regression';
import { TextClassifier, type TextClassifierJson } from '../ml/text-classifier';
import { applyOffsets, tuneClassOffsets } from './class-offsets';
import { recalibrate, tuneThresholds } from './topic-thresholds';
import type { WordVectorPooling, WordVectors } from '../ml/word-vectors';

export interface TopicClassifierExample {
  /** Stemmed words of the text (see wordsOf). */
  words: string[];
  /** Keys of the taxonomy topics whose phrase rules matched. */
  ruleKeys: ReadonlySet<string>;
  /** Topic keys the text is labelled with. */
  topics: string[];
  /** Lowercase words looked up in the word vectors, when the model uses them (see vectorWordsOf). */
  vectorWords?: readonly string[];
}

/** Pretrained word vectors pooled into dense features after the rule hits. */
export interface TopicWordVectors {
  vectors: WordVectors;
  pooling?: WordVectorPooling;
}

export interface TopicClassifierOptions {
  features?: FitOptions;
  training?: SoftmaxTrainOptions;
  /** Folds for tuning each multi-label topic's decision threshold out of fold (0 = a fixed 0.5). */
  thresholdFolds?: number;
  /**
   * Multi-label only: NBSVM-style log-count-ratio scaling of each topic model's features, words and rule
   * hits alike (default on: aspect-category micro-F1 0.804 → 0.812 in 5-fold cross-validation on SemEval-2014
   * restaurants, +0.009 on average over four training seeds).
   */
  naiveBayesScaling?: boolean;
  /** Topics outside the taxonomy whose rule hits are features (their keys must end `ruleKeys`). */
  featureTopics?: readonly TopicDefinition[];
  wordVectors?: TopicWordVectors;
}

/** Keys of the default and pack topics (outside the taxonomy) whose rule hits are features; absent: none. */
interface FeatureTopicsJson {
  featureTopics?: string[];
  /** How word vectors were pooled, when the model used them (the vectors themselves are not saved). */
  wordVectors?: { dimensions: number; pooling: WordVectorPooling };
}

export type TopicClassifierJson = FeatureTopicsJson &
  (
    | { mode: 'multi-label'; ruleKeys: string[]; model: OneVsRestJson; thresholds?: number[] }
    | { mode: 'exclusive'; ruleKeys: string[]; model: TextClassifierJson; offsets?: number[] }
  );

export interface TopicClassifierTuning {
  thresholds?: readonly number[];
  offsets?: readonly number[];
  featureTopics?: readonly TopicDefinition[];
  wordVectors?: TopicWordVectors;
}

/** What the feature rules read: a prepared text's tokens and stems. */
export interface RuleInput {
  text: string;
  tokens: readonly Token[];
  terms: readonly (string | null)[];
}

/** The class of texts about none of the topics, when training data has such texts. */
const NONE = '__none__';

/** Character n-grams were no better in cross-validation and cost several times the scoring time. */
const DEFAULT_FEATURES: FitOptions = { bigrams: true, charNgrams: null, minCount: 2 };
const DEFAULT_TRAINING: SoftmaxTrainOptions = { epochs: 10, learningRate: 0.1, l2: 1e-5 };
/**
 * One softmax over exclusive topics overfits the words of a few hundred short texts at 1e-5: 0.01 was best of
 * 1e-5 … 0.04 in 5-fold cross-validation on the airline complaints' training part (first-topic macro-F1).
 */
const EXCLUSIVE_L2 = 0.01;
const DEFAULT_THRESHOLD_FOLDS = 5;
/** Below this, folds are too small to say anything about thresholds. */
const MIN_EXAMPLES_TO_TUNE = 100;

/**
 * The trainable layer, stacked on the phrase rules: each rule's hit is an extra feature, so the model learns
 * how far to trust each rule in this data and the rules carry topics with few examples. When every training
 * text has at most one topic the topics are treated as exclusive (one softmax, which ranks them better than
 * independent binary models); otherwise one-vs-rest logistic regression gives independent probabilities.
 */
export class TopicClassifier {
  private readonly ruleIndex: Map<string, number>;
  private readonly extras: number[];
  private readonly featureRules?: PhraseMatcher;

  /** Multi-label: each label's tuned decision threshold, mapped onto 0.5 by predict(). */
  readonly thresholds?: readonly number[];
  /** Exclusive: each class's log-probability offset (tuned by cross-validation for macro-F1), added by predict(). */
  readonly offsets?: readonly number[];
  /**
   * Default and industry-pack topics outside the taxonomy whose rule hits are features too: the curated words
   * of every domain ("legroom", "security line", "rebook") help topics labelled under other names.
   */
  readonly featureTopics: readonly TopicDefinition[];
  readonly wordVectors?: TopicWordVectors;

  constructor(
    readonly model: OneVsRestClassifier | TextClassifier,
    readonly ruleKeys: readonly string[],
    tuned: TopicClassifierTuning = {},
  ) {
    this.ruleIndex = new Map(ruleKeys.map((key, i) => [key, i]));
    this.extras = new Array<number>(ruleKeys.length).fill(0);
    this.thresholds = tuned.thresholds;
    this.offsets = tuned.offsets;
    this.featureTopics = tuned.featureTopics ?? [];
    this.wordVectors = tuned.wordVectors;
    if (this.featureTopics.length > 0) this.featureRules = new PhraseMatcher(this.featureTopics);
  }

  /** Keys of the feature topics whose rules match the text (they are extra features, never reported). */
  featureRuleKeys(input: RuleInput): string[] {
    if (!this.featureRules) return [];
    return this.featureRules
      .match(input.tokens, input.terms, input.text)
      .map((m) => this.featureTopics[m.topicIndex].key);
  }

  static train(
    examples: TopicClassifierExample[],
    ruleKeys: readonly string[],
    options: TopicClassifierOptions = {},
  ): TopicClassifier {
    const ruleIndex = new Map(ruleKeys.map((key, i) => [key, i]));
    const wordVectors = options.wordVectors;
    const dense = wordVectors ? wordVectors.vectors.featureCount(wordVectors.pooling) : 0;
    const features = { ...DEFAULT_FEATURES, ...options.features, numExtras: ruleKeys.length + dense };
    const exclusive = examples.every((e) => e.topics.length <= 1);
    // Exclusive topics are ranked against each other, so balancing keeps small topics in the running (macro-F1);
    // independent binary models at a 0.5 threshold are better calibrated unbalanced.
    const training = {
      ...DEFAULT_TRAINING,
      balanced: exclusive,
      ...(exclusive ? { l2: EXCLUSIVE_L2 } : {}),
      ...options.training,
    };
    const featureTopics = options.featureTopics ?? [];
    const rows = examples.map((e) => {
      const extras = extrasOf(e.ruleKeys, ruleIndex, ruleKeys.length);
      if (wordVectors) extras.push(...wordVectors.vectors.pool(e.vectorWords ?? [], wordVectors.pooling));
      return { ...e, extras };
    });
    const folds = options.thresholdFolds ?? DEFAULT_THRESHOLD_FOLDS;
    const tune = folds >= 2 && examples.length >= MIN_EXAMPLES_TO_TUNE;
    if (exclusive) {
      const single = rows.map((e) => ({ words: e.words, extras: e.extras, label: e.topics[0] ?? NONE }));
      const model = TextClassifier.train(single, { features, training });
      const offsets = tune
        ? tuneClassOffsets(single, { features, training, classes: model.classes, folds })
        : undefined;
      return new TopicClassifier(model, ruleKeys, { offsets, featureTopics, wordVectors });
    }
    const multi = rows.map((e) => ({ words: e.words, extras: e.extras, labels: e.topics }));
    const naiveBayesScaling = options.naiveBayesScaling ?? true;
    const model = OneVsRestClassifier.train(multi, { features, training, naiveBayesScaling });
    const thresholds = tune
      ? tuneThresholds(multi, model.labels, { features, training, naiveBayesScaling, folds })
      : undefined;
    return new TopicClassifier(model, ruleKeys, { thresholds, featureTopics, wordVectors });
  }

  /**
   * Exclusive topics (one softmax): the probabilities of the trained topics sum to the chance that the text is
   * about one of them at all, the rest being the "about none" class when training had topic-less texts.
   */
  get exclusive(): boolean {
    return !(this.model instanceof OneVsRestClassifier);
  }

  get labels(): readonly string[] {
    return this.model instanceof OneVsRestClassifier
      ? this.model.labels
      : this.model.classes.filter((c) => c !== NONE);
  }

  /** Probability of each label the model was trained on (`vectorWords` only matter with word vectors). */
  predict(
    words: string[],
    ruleKeys: Iterable<string>,
    vectorWords: readonly string[] = [],
  ): Record<string, number> {
    this.extras.fill(0);
    for (const key of ruleKeys) {
      const i = this.ruleIndex.get(key);
      if (i !== undefined) this.extras[i] = 1;
    }
    const extras = this.wordVectors
      ? [...this.extras, ...this.wordVectors.vectors.pool(vectorWords, this.wordVectors.pooling)]
      : this.extras;
    if (this.model instanceof OneVsRestClassifier) {
      const probabilities = this.model.predict(words, extras);
      if (this.thresholds)
        this.model.labels.forEach(
          (label, i) => (probabilities[label] = recalibrate(probabilities[label], this.thresholds![i])),
        );
      return probabilities;
    }
    const probabilities = this.model.predictProba(words, extras);
    if (this.offsets) applyOffsets(probabilities, this.offsets);
    const result: Record<string, number> = {};
    this.model.classes.forEach((c, i) => c !== NONE && (result[c] = probabilities[i]));
    return result;
  }

  toJSON(): TopicClassifierJson {
    const ruleKeys = [...this.ruleKeys];
    const features: FeatureTopicsJson = this.featureTopics.length
      ? { featureTopics: this.featureTopics.map((t) => t.key) }
      : {};
    if (this.wordVectors)
      features.wordVectors = {
        dimensions: this.wordVectors.vectors.dimensions,
        pooling: this.wordVectors.pooling ?? {},
      };
    return this.model instanceof OneVsRestClassifier
      ? {
          mode: 'multi-label',
          ruleKeys,
          model: this.model.toJSON(),
          ...(this.thresholds ? { thresholds: [...this.thresholds] } : {}),
          ...features,
        }
      : {
          mode: 'exclusive',
          ruleKeys,
          model: this.model.toJSON(),
          ...(this.offsets ? { offsets: [...this.offsets] } : {}),
          ...features,
        };
  }

  /** Feature topics come back by key from the shipped rules; a key no longer shipped simply never fires. */
  static fromJSON(json: TopicClassifierJson): TopicClassifier {
    // Word vectors are a measured candidate only (not shipped), so a model that used them cannot be restored.
    if (json.wordVectors) throw new Error('this topic model needs word vectors, which are not shipped');
    const featureTopics = (json.featureTopics ?? []).flatMap((key) => knownTopic(key) ?? []);
    return json.mode === 'multi-label'
      ? new TopicClassifier(OneVsRestClassifier.fromJSON(json.model), json.ruleKeys, {
          thresholds: json.thresholds,
          featureTopics,
        })
      : new TopicClassifier(TextClassifier.fromJSON(json.model), json.ruleKeys, {
          offsets: json.offsets,
          featureTopics,
        });
  }
}

function extrasOf(keys: ReadonlySet<string>, index: Map<string, number>, size: number): number[] {
  const extras = new Array<number>(size).fill(0);
  for (const key of keys) {
    const i = index.get(key);
    if (i !== undefined) extras[i] = 1;
  }
  return extras;
}
