/** Closed vocabularies of the feedback input model: const arrays for runtime checks, types for the compiler. */

export const FEEDBACK_KINDS = ['review', 'survey_response', 'social_mention', 'call_note'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const CHANNELS = ['web', 'mobile_app', 'email', 'chat', 'social', 'phone', 'store', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const JOURNEY_STAGES = [
  'awareness',
  'consideration',
  'purchase',
  'onboarding',
  'usage',
  'support',
  'renewal',
  'other',
] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export const CALL_OUTCOMES = ['resolved', 'escalated', 'callback', 'unresolved'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** Size limits shared by the DTOs (OpenAPI) and the fast validator, so both always agree. */
export const FEEDBACK_LIMITS = {
  textMaxChars: 20_000,
  shortTextMaxChars: 500,
  idMaxChars: 200,
  labelMaxChars: 100,
  urlMaxChars: 2_048,
  metadataMaxBytes: 4_096,
  /** Containers (objects/arrays) from the root down, root included: root → metadata → a → b → c. */
  maxNestingDepth: 5,
  attributesMaxKeys: 50,
  futureToleranceMs: 24 * 60 * 60 * 1000,
  /** Feedback older than this is a unit mix-up (seconds vs ms), not history. */
  earliestOccurredAt: Date.UTC(1990, 0, 1),
  ratingScaleMax: 100,
  csatScaleMax: 10,
  maxCallSeconds: 24 * 60 * 60,
} as const;

/** `trustpilot`, `zendesk`, `app-store`: lower-case slug, stored after lower-casing. */
export const SOURCE_SLUG_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
