import { FEEDBACK_LIMITS, SOURCE_SLUG_PATTERN } from '../../feedback/dto/feedback-enums';
import { customerRule } from '../../feedback/validation/feedback-field-rules';
import {
  FieldRule,
  identifierRule,
  integerRule,
  metadataRule,
  occurredAtRule,
  oneOfRule,
  textRule,
} from '../../feedback/validation/field-rules';
import { parseIsoDate } from '../../feedback/validation/value-checks';
import {
  CURRENCY_PATTERN,
  LIFECYCLE_EVENTS,
  OUTCOME_LIMITS,
  OutcomeType,
  REFERRAL_STATUSES,
} from '../dto/outcome-enums';

/** The whitelist of every outcome type: a field not in its type's table is rejected. */

const valueRule: FieldRule = (value, path, errors) => {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= OUTCOME_LIMITS.maxValue)
    return value;
  errors.push({ field: path, reason: `must be a number from 0 to ${OUTCOME_LIMITS.maxValue}` });
  return undefined;
};

/** Retention periods may lie in the past without bound, but must be real dates. */
const periodDateRule: FieldRule = (value, path, errors) => {
  const date = typeof value === 'string' ? parseIsoDate(value.trim()) : undefined;
  if (date) return date;
  errors.push({ field: path, reason: 'must be a valid ISO 8601 date' });
  return undefined;
};

const count = integerRule(0, OUTCOME_LIMITS.maxRetentionCustomers);

const commonRules: [string, FieldRule][] = [
  ['type', () => undefined], // checked before the table is chosen
  [
    'source',
    textRule({
      max: 64,
      lowerCase: true,
      pattern: SOURCE_SLUG_PATTERN,
      patternReason: 'must be a slug (a-z, 0-9, _ . -)',
    }),
  ],
  ['externalId', identifierRule()],
  ['occurredAt', occurredAtRule],
  ['metadata', metadataRule],
];

export const OUTCOME_RULES: Record<OutcomeType, ReadonlyMap<string, FieldRule>> = {
  referral: new Map([
    ...commonRules,
    ['referrer', customerRule],
    ['referred', customerRule],
    ['status', oneOfRule(REFERRAL_STATUSES)],
  ]),
  lifecycle: new Map([
    ...commonRules,
    ['customer', customerRule],
    ['event', oneOfRule(LIFECYCLE_EVENTS)],
    ['value', valueRule],
    [
      'currency',
      textRule({ max: 3, pattern: CURRENCY_PATTERN, patternReason: 'must be an ISO 4217 code (EUR)' }),
    ],
  ]),
  retention: new Map([
    ...commonRules,
    ['periodStart', periodDateRule],
    ['periodEnd', periodDateRule],
    ['segment', textRule({ max: FEEDBACK_LIMITS.labelMaxChars })],
    ['customersAtStart', count],
    ['retained', count],
    ['churned', count],
  ]),
};

/** Required fields per type; checked on raw presence so a field that failed its own rule is not reported twice. */
export const REQUIRED_FIELDS: Record<OutcomeType, readonly string[]> = {
  referral: ['source', 'referrer', 'referred', 'status'],
  lifecycle: ['source', 'customer', 'event'],
  retention: ['source', 'periodStart', 'periodEnd', 'customersAtStart', 'retained', 'churned'],
};
