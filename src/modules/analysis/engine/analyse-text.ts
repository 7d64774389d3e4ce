import { createHash } from 'node:crypto';
import { LanguageDetector, SCORED_LANGUAGES } from './language/language-detector';
import { TextClassifier, type TextClassifierJson } from './ml/text-classifier';
import {
  SentimentAnalyzer,
  type SentenceSentiment,
  type SentimentClass,
  type SentimentLabel,
  type SentimentModelJson,
  type SentimentResult,
} from './sentiment/sentiment-analyzer';
import { detectSignals, type Signal } from './signals/signal-detector';
import { AspectSentimentScorer } from './topics/aspect-sentiment';
import { DEFAULT_TAXONOMY } from './topics/default-taxonomy';
import { prepareText } from './topics/prepare-text';
import { TopicClassifier, type TopicClassifierJson } from './topics/topic-classifier';
import { taxonomyFromLabels } from './topics/taxonomy-from-labels';
import { topicKeyOf, type TopicDefinition } from './topics/topic-definition';
import { TopicDetector, type TopicEvidence, type TopicMatch } from './topics/topic-detector';
import { trainTopicDetector, type TrainTopicDetectorOptions } from './topics/train-topic-detector';

/** Bump when analysis logic changes in a way that changes results for the same models. */
export const ENGINE_VERSION = 'engine-2';

export interface TopicAnalysis {
  key: string;
  name: string;
  parentKey?: string;
  confidence: number;
  sentiment: SentimentResult;
  evidence: TopicEvidence[];
}

export interface TextAnalysis {
  language: string;
  languageConfidence: number;
  /** False for languages the engine does not score: then sentiment is null and nothing else is filled in. */
  supported: boolean;
  sentiment: SentimentResult | null;
  sentences: SentenceSentiment[];
  topics: TopicAnalysis[];
  signals: Signal[];
}

export interface AnalysisPipelineOptions {
  sentiment?: SentimentAnalyzer;
  taxonomy?: readonly TopicDefinition[];
  /** Trained topic layer; its labels must be keys of the taxonomy. */
  topicModel?: TopicClassifier;
  /** Trained per-topic polarity layer (see AspectSentimentScorer.train). */
  polarityModel?: TextClassifier;
  /** Probability a trained topic needs to be reported (default 0.5). */
  topicThreshold?: number;
}

export interface AnalysisPipeline {
  /** Hash of engine version, taxonomy and models: stored results with another version are stale. */
  readonly version: string;
  readonly taxonomy: readonly TopicDefinition[];
  analyse(text: string): TextAnalysis;
  /** Everything needed to rebuild the same pipeline (same version) with analysisPipelineFromJSON. */
  toJSON(): AnalysisPipelineJson;
}

export interface AnalysisPipelineJson {
  format: 'hearken-pipeline/1';
  /** null: the default taxonomy. */
  taxonomy: TopicDefinition[] | null;
  /** null: the shipped sentiment model. */
  sentiment: SentimentModelJson | null;
  topicModel: TopicClassifierJson | null;
  polarityModel: TextClassifierJson | null;
  topicThreshold: number | null;
}

const languageDetector = new LanguageDetector();

/** Builds the per-item analysis: language, sentiment, topics with their own sentiment and evidence, signals. */
export function createAnalysisPipeline(options: AnalysisPipelineOptions = {}): AnalysisPipeline {
  const sentiment = options.sentiment ?? SentimentAnalyzer.default();
  const taxonomy = options.taxonomy ?? DEFAULT_TAXONOMY;
  const topics = new TopicDetector(taxonomy, options.topicModel, { threshold: options.topicThreshold });
  const aspects = new AspectSentimentScorer(sentiment, options.polarityModel);
  const version = pipelineVersion(sentiment, taxonomy, options);

  const analyse = (text: string): TextAnalysis => {
    const prepared = prepareText(text);
    // Nothing to read (empty or only spaces): no score, rather than the model's leaning on no evidence.
    if (prepared.tokens.length === 0) return unsupported('und', 0);
    const language = languageDetector.detectTokens(text, prepared.tokens, prepared.printableAscii);
    // Text without letters (emoji, numbers) is in no language, and emoji sentiment reads the same everywhere.
    if (!SCORED_LANGUAGES.has(language.language) && language.language !== 'und') {
      return unsupported(language.language, language.confidence);
    }
    const { document, sentences } = sentiment.analyseTokens(prepared.tokens, prepared.sentences);
    const detected = topics.detect(prepared);
    const found = detected.map((topic): TopicAnalysis => ({
      key: topic.key,
      name: topic.name,
      parentKey: topic.parentKey,
      confidence: topic.confidence,
      evidence: topic.evidence,
      sentiment: aspects.score(prepared, topic.key, topic.evidence, {
        documentScore: document.score,
        known: sentences,
        others: detected.length === 1 ? [] : evidenceOfOthers(detected, topic),
      }),
    }));
    return {
      language: language.language,
      languageConfidence: language.confidence,
      supported: true,
      sentiment: document,
      sentences,
      topics: found,
      signals: detectSignals(text, sentences),
    };
  };
  const toJSON = (): AnalysisPipelineJson => ({
    format: 'hearken-pipeline/1',
    taxonomy: taxonomy === DEFAULT_TAXONOMY ? null : [...taxonomy],
    sentiment: sentiment === SentimentAnalyzer.default() ? null : sentiment.toJSON(),
    topicModel: options.topicModel?.toJSON() ?? null,
    polarityModel: options.polarityModel?.toJSON() ?? null,
    topicThreshold: options.topicThreshold ?? null,
  });
  return { version, taxonomy, analyse, toJSON };
}

export function analysisPipelineFromJSON(json: AnalysisPipelineJson): AnalysisPipeline {
  if (json.format !== 'hearken-pipeline/1') throw new Error('analysis pipeline: unknown format');
  return createAnalysisPipeline({
    taxonomy: json.taxonomy ?? undefined,
    sentiment: json.sentiment ? SentimentAnalyzer.fromJSON(json.sentiment) : undefined,
    topicModel: json.topicModel ? TopicClassifier.fromJSON(json.topicModel) : undefined,
    polarityModel: json.polarityModel ? TextClassifier.fromJSON(json.polarityModel) : undefined,
    topicThreshold: json.topicThreshold ?? undefined,
  });
}

export interface LabelledText {
  text: string;
  sentiment?: SentimentClass;
  /** Topic names, optionally with the sentiment the text expresses about that topic. */
  topics?: (string | { name: string; sentiment?: SentimentLabel })[];
}

export interface TrainPipelineOptions {
  /** Starting point: the taxonomy used when the examples carry no topics, and the untrained sentiment model. */
  base?: Pick<AnalysisPipelineOptions, 'sentiment' | 'taxonomy' | 'topicThreshold'>;
  /** Model settings of the topic layer (the defaults are the ones chosen by cross-validation). */
  topics?: TrainTopicDetectorOptions;
}

/**
 * A sentiment model is retrained only from at least this many labelled texts covering two classes or more:
 * below that a model trained from scratch is worse than the shipped one.
 */
const MIN_SENTIMENT_EXAMPLES = 200;
/** Keeps the lexicon's say in a model trained on the user's (often small, one-domain) data. */
const USER_MODEL_LEXICON_PRIOR = 1;

/**
 * Trains the supervised layers from labelled texts and returns a pipeline using them. Sentiment labels retrain
 * the sentiment model; topic labels replace the taxonomy with the labelled topics (keeping default phrase
 * rules for names the default taxonomy knows) and train the topic model; per-topic sentiments train the
 * polarity model. Layers without labels keep the base behaviour.
 */
export function trainPipeline(
  examples: readonly LabelledText[],
  options: TrainPipelineOptions = {},
): AnalysisPipeline {
  const sentimentExamples = examples.flatMap((e) =>
    e.sentiment ? [{ text: e.text, label: e.sentiment }] : [],
  );
  const sentiment =
    sentimentExamples.length >= MIN_SENTIMENT_EXAMPLES &&
    new Set(sentimentExamples.map((e) => e.label)).size >= 2
      ? SentimentAnalyzer.train(sentimentExamples, {
          balanced: true,
          lexiconPrior: USER_MODEL_LEXICON_PRIOR,
          trainedOn: ['user-labelled'],
        })
      : (options.base?.sentiment ?? SentimentAnalyzer.default());
  const topicLabels = examples.map((e) =>
    (e.topics ?? []).map((t) => (typeof t === 'string' ? { name: t } : t)),
  );
  if (!topicLabels.some((labels) => labels.length > 0)) {
    return createAnalysisPipeline({ ...options.base, sentiment });
  }
  const taxonomy = taxonomyFromLabels(topicLabels.flat().map((t) => t.name));
  const detector = trainTopicDetector(
    taxonomy,
    examples.map((e, i) => ({
      text: e.text,
      topics: [...new Set(topicLabels[i].map((t) => topicKeyOf(t.name)))],
    })),
    { ...options.topics, threshold: options.base?.topicThreshold },
  );
  const polarityExamples = examples.flatMap((e, i) => {
    const rated = topicLabels[i].filter((t) => t.sentiment);
    if (rated.length === 0) return [];
    const prepared = prepareText(e.text);
    const documentScore = sentiment.analyse(e.text).document.score;
    const evidence = new Map(
      topicLabels[i].map((t) => [topicKeyOf(t.name), detector.evidenceFor(prepared, topicKeyOf(t.name))]),
    );
    return rated.map((t) => {
      const key = topicKeyOf(t.name);
      const others = [...evidence].flatMap(([other, list]) => (other === key ? [] : list));
      return {
        prepared,
        key,
        evidence: evidence.get(key) ?? [],
        label: t.sentiment as SentimentLabel,
        documentScore,
        others,
      };
    });
  });
  const polarityModel =
    new Set(polarityExamples.map((e) => e.label)).size >= 2
      ? AspectSentimentScorer.train(sentiment, polarityExamples).polarity
      : undefined;
  return createAnalysisPipeline({
    sentiment,
    taxonomy,
    topicModel: detector.classifier,
    polarityModel,
    topicThreshold: options.base?.topicThreshold,
  });
}

function evidenceOfOthers(detected: readonly TopicMatch[], topic: TopicMatch): TopicEvidence[] {
  const evidence: TopicEvidence[] = [];
  for (const other of detected) if (other !== topic) for (const e of other.evidence) evidence.push(e);
  return evidence;
}

function unsupported(language: string, languageConfidence: number): TextAnalysis {
  return {
    language,
    languageConfidence,
    supported: false,
    sentiment: null,
    sentences: [],
    topics: [],
    signals: [],
  };
}

const sentimentHashes = new WeakMap<SentimentAnalyzer, string>();

function pipelineVersion(
  sentiment: SentimentAnalyzer,
  taxonomy: readonly TopicDefinition[],
  options: AnalysisPipelineOptions,
): string {
  let sentimentHash = sentimentHashes.get(sentiment);
  if (sentimentHash === undefined) {
    sentimentHash = sha256(JSON.stringify(sentiment.toJSON()));
    sentimentHashes.set(sentiment, sentimentHash);
  }
  const rest = JSON.stringify([
    taxonomy,
    options.topicModel?.toJSON() ?? null,
    options.polarityModel?.toJSON() ?? null,
    options.topicThreshold ?? null,
  ]);
  return `${ENGINE_VERSION}+${sha256(sentimentHash + rest).slice(0, 12)}`;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
