import type { CallOutcome, Channel, FeedbackKind, JourneyStage } from './feedback-enums';

/** Primitive-only so segment analytics can group by attribute without parsing nested JSON. */
export type CustomerAttributeValue = string | number | boolean | null;

export interface CustomerRefInput {
  externalId?: string;
  /** Trimmed and lower-cased; canonical identity forms live in customers/identity. */
  email?: string;
  /** Trimmed as given; E.164 normalisation happens in customers/identity. */
  phone?: string;
  segment?: string;
  attributes?: Record<string, CustomerAttributeValue>;
}

/**
 * Validated, normalised feedback item: what every entry point hands to the feedback service.
 * Strings are trimmed, `source`, `touchpoint`, `language`, `platform` are lower-cased,
 * `occurredAt` is a Date, `channel` defaults to `other`.
 */
interface FeedbackInputBase {
  kind: FeedbackKind;
  source: string;
  externalId?: string;
  channel: Channel;
  touchpoint?: string;
  journeyStage?: JourneyStage;
  customer?: CustomerRefInput;
  text?: string;
  language?: string;
  occurredAt: Date;
  metadata?: Record<string, unknown>;
}

export interface ReviewInput extends FeedbackInputBase {
  kind: 'review';
  rating?: number;
  /** Present whenever `rating` is; defaults to 5. */
  scale?: number;
  product?: string;
  title?: string;
}

export interface SurveyResponseInput extends FeedbackInputBase {
  kind: 'survey_response';
  npsScore?: number;
  csat?: number;
  /** Present whenever `csat` is; defaults to 5. */
  csatScale?: number;
  ces?: number;
  question?: string;
  surveyId?: string;
}

export interface SocialMentionInput extends FeedbackInputBase {
  kind: 'social_mention';
  platform: string;
  author?: string;
  url?: string;
  reach?: number;
}

export interface CallNoteInput extends FeedbackInputBase {
  kind: 'call_note';
  agent?: string;
  durationSeconds?: number;
  outcome?: CallOutcome;
}

export type FeedbackInput = ReviewInput | SurveyResponseInput | SocialMentionInput | CallNoteInput;
