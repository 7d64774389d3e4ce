import { FEEDBACK_KINDS } from '../feedback/dto/feedback-enums';

/** An integration of kind `outcome` delivers outcome events (modules/outcomes) instead of feedback. */
export const OUTCOME_KIND = 'outcome';
export const INTEGRATION_KINDS = [...FEEDBACK_KINDS, OUTCOME_KIND] as const;
export type IntegrationKind = (typeof INTEGRATION_KINDS)[number];
