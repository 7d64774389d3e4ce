import type { FeedbackInput } from './dto/feedback-input.type';
import { FeedbackEntity } from './entities/feedback.entity';

/** 1..scale → 0..1, so a 4/5 review and an 8/10 one compare. */
function unitScale(value: number | undefined, scale: number | undefined): number | null {
  if (value === undefined) return null;
  const top = scale ?? 5;
  return top > 1 ? Math.round(((value - 1) / (top - 1)) * 10_000) / 10_000 : null;
}

/** The kind's own fields, kept as given (after redaction) in `details`. */
function detailsOf(input: FeedbackInput, title: string | undefined): Record<string, unknown> | null {
  const d: Record<string, unknown> = {};
  switch (input.kind) {
    case 'review':
      Object.assign(d, { rating: input.rating, scale: input.scale, product: input.product, title });
      break;
    case 'survey_response':
      Object.assign(d, {
        csat: input.csat,
        csatScale: input.csatScale,
        question: input.question,
        surveyId: input.surveyId,
      });
      break;
    case 'social_mention':
      Object.assign(d, {
        platform: input.platform,
        author: input.author,
        url: input.url,
        reach: input.reach,
      });
      break;
    case 'call_note':
      Object.assign(d, {
        agent: input.agent,
        durationSeconds: input.durationSeconds,
        outcome: input.outcome,
      });
      break;
  }
  if (input.metadata) d.metadata = input.metadata;
  for (const key of Object.keys(d)) if (d[key] === undefined) delete d[key];
  return Object.keys(d).length ? d : null;
}

export interface StoredTexts {
  text?: string;
  title?: string;
  redacted: string[];
}

export function toFeedbackEntity(
  input: FeedbackInput,
  id: string,
  customerId: string | null,
  texts: StoredTexts,
  receivedAt: Date,
): FeedbackEntity {
  return Object.assign(new FeedbackEntity(), {
    id,
    kind: input.kind,
    source: input.source,
    externalId: input.externalId ?? null,
    channel: input.channel,
    touchpoint: input.touchpoint ?? null,
    journeyStage: input.journeyStage ?? null,
    customerId,
    segment: input.customer?.segment ?? null,
    text: texts.text ?? null,
    language: input.language ?? null,
    redactedKinds: texts.redacted.length ? texts.redacted.join(',') : null,
    rating: input.kind === 'review' ? unitScale(input.rating, input.scale) : null,
    npsScore: input.kind === 'survey_response' ? (input.npsScore ?? null) : null,
    csat: input.kind === 'survey_response' ? unitScale(input.csat, input.csatScale) : null,
    ces: input.kind === 'survey_response' ? (input.ces ?? null) : null,
    details: detailsOf(input, texts.title),
    occurredAt: input.occurredAt,
    receivedAt,
    analysisStatus: 'pending',
    analysisError: null,
  });
}
