import type { TextAnalysis } from './engine/analyse-text';
import { FeedbackAnalysisEntity } from './entities/feedback-analysis.entity';
import { FeedbackTopicEntity } from './entities/feedback-topic.entity';

/** Explanations are for people: the strongest few per result keep rows small. */
const MAX_EXPLANATION_TERMS = 8;
const MAX_SENTENCES = 60;

type Explained = { explanation: { token: string; weight: number; rule: string }[] };

function trimExplanation<T extends Explained>(result: T): T {
  const explanation = [...result.explanation]
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, MAX_EXPLANATION_TERMS)
    .map((e) => ({ ...e, weight: round(e.weight) }));
  return { ...result, explanation };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The public shape of an analysis (API answers, stored JSON, the score CLI). */
export function presentAnalysis(a: TextAnalysis) {
  return {
    language: a.language,
    supported: a.supported,
    sentiment: a.sentiment
      ? trimExplanation({
          ...a.sentiment,
          score: round(a.sentiment.score),
          confidence: round(a.sentiment.confidence),
        })
      : null,
    sentences: a.sentences
      .slice(0, MAX_SENTENCES)
      .map((s) => trimExplanation({ ...s, score: round(s.score), confidence: round(s.confidence) })),
    topics: a.topics.map((t) => ({
      key: t.key,
      name: t.name,
      parentKey: t.parentKey ?? null,
      confidence: round(t.confidence),
      sentiment: trimExplanation({
        ...t.sentiment,
        score: round(t.sentiment.score),
        confidence: round(t.sentiment.confidence),
      }),
      evidence: t.evidence,
    })),
    signals: a.signals,
  };
}

export type PresentedAnalysis = ReturnType<typeof presentAnalysis>;

export function toAnalysisRows(
  feedbackId: string,
  version: string,
  analysis: TextAnalysis,
  at: Date,
  occurredAt: Date,
): { analysis: FeedbackAnalysisEntity; topics: FeedbackTopicEntity[] } {
  const presented = presentAnalysis(analysis);
  return {
    analysis: Object.assign(new FeedbackAnalysisEntity(), {
      feedbackId,
      pipelineVersion: version,
      language: analysis.language.slice(0, 8),
      supported: analysis.supported,
      sentimentLabel: analysis.sentiment?.label ?? null,
      sentimentScore: analysis.sentiment ? round(analysis.sentiment.score) : null,
      sentimentConfidence: analysis.sentiment ? round(analysis.sentiment.confidence) : null,
      signals: analysis.signals.length
        ? [...new Set(analysis.signals.map((s) => s.type))].join(',').slice(0, 200)
        : null,
      result: JSON.stringify(presented),
      analysedAt: at,
    }),
    topics: analysis.topics.map((t) =>
      Object.assign(new FeedbackTopicEntity(), {
        feedbackId,
        pipelineVersion: version,
        topicKey: t.key,
        confidence: round(t.confidence),
        sentimentLabel: t.sentiment.label,
        sentimentScore: round(t.sentiment.score),
        occurredAt,
      }),
    ),
  };
}
