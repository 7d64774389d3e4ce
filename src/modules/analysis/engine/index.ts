/** The analysis engine's public surface: pure TypeScript, no framework; the analysis module wraps it. */
export {
  createAnalysisPipeline,
  analysisPipelineFromJSON,
  trainPipeline,
  ENGINE_VERSION,
  type AnalysisPipeline,
  type AnalysisPipelineJson,
  type AnalysisPipelineOptions,
  type LabelledText,
  type TextAnalysis,
  type TopicAnalysis,
  type TrainPipelineOptions,
} from './analyse-text';
export {
  SentimentAnalyzer,
  type SentenceSentiment,
  type SentimentClass,
  type SentimentExplanation,
  type SentimentLabel,
  type SentimentResult,
} from './sentiment/sentiment-analyzer';
export { LanguageDetector, SCORED_LANGUAGES, type LanguageGuess } from './language/language-detector';
export {
  detectSignals,
  type Signal,
  type SignalEvidence,
  type SignalSentence,
} from './signals/signal-detector';
export { SIGNAL_TYPES, type SignalType } from './signals/signal-rules';
export { DEFAULT_TAXONOMY } from './topics/default-taxonomy';
export { topicKeyOf, type TopicDefinition } from './topics/topic-definition';
export { taxonomyFromLabels } from './topics/taxonomy-from-labels';
export {
  TopicDetector,
  type TopicEvidence,
  type TopicMatch,
  type PreparedText,
} from './topics/topic-detector';
export { TopicClassifier, type TopicClassifierJson } from './topics/topic-classifier';
export { trainTopicDetector, type TopicTrainingExample } from './topics/train-topic-detector';
export { AspectSentimentScorer } from './topics/aspect-sentiment';
export { prepareText } from './topics/prepare-text';
export { findEmergingThemes, type EmergingTheme, type EmergingThemeOptions } from './topics/emerging-themes';
