import {
  CALL_OUTCOMES,
  CHANNELS,
  FEEDBACK_LIMITS,
  FeedbackKind,
  JOURNEY_STAGES,
  SOURCE_SLUG_PATTERN,
} from '../dto/feedback-enums';
import { ISO_639_1_CODES } from './iso-639-1-codes';
import {
  attributesRule,
  FieldRule,
  halfStepRule,
  identifierRule,
  integerRule,
  metadataRule,
  objectRule,
  occurredAtRule,
  oneOfRule,
  textRule,
} from './field-rules';
import { EMAIL_PATTERN, PHONE_PATTERN, phoneDigitCount, URL_PATTERN } from './value-checks';

/** The whitelist of every kind: a field not in its kind's table is rejected. */

const label = textRule({ max: FEEDBACK_LIMITS.labelMaxChars });
const shortText = textRule({ max: FEEDBACK_LIMITS.shortTextMaxChars });

const languageRule: FieldRule = (value, path, errors, now) => {
  const code = textRule({ max: 2, lowerCase: true })(value, path, errors, now);
  if (code === undefined || ISO_639_1_CODES.has(code as string)) return code;
  errors.push({ field: path, reason: 'must be an ISO 639-1 language code' });
  return undefined;
};

const emailText = textRule({
  max: 254,
  lowerCase: true,
  pattern: EMAIL_PATTERN,
  patternReason: 'must be an email address',
});
const phoneText = textRule({ max: 32, pattern: PHONE_PATTERN, patternReason: 'must be a phone number' });
const phoneRule: FieldRule = (value, path, errors, now) => {
  const phone = phoneText(value, path, errors, now) as string | undefined;
  if (phone === undefined) return undefined;
  const digits = phoneDigitCount(phone);
  if (digits >= 6 && digits <= 15) return phone;
  errors.push({ field: path, reason: 'must have 6 to 15 digits' });
  return undefined;
};

export const customerRule = objectRule(
  new Map<string, FieldRule>([
    ['externalId', identifierRule()],
    ['email', emailText],
    ['phone', phoneRule],
    ['segment', label],
    ['attributes', attributesRule],
  ]),
);

const commonRules: [string, FieldRule][] = [
  ['kind', () => undefined], // checked before the table is chosen
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
  ['channel', oneOfRule(CHANNELS)],
  ['touchpoint', textRule({ max: FEEDBACK_LIMITS.labelMaxChars, lowerCase: true })],
  ['journeyStage', oneOfRule(JOURNEY_STAGES)],
  ['customer', customerRule],
  ['text', textRule({ max: FEEDBACK_LIMITS.textMaxChars })],
  ['language', languageRule],
  ['occurredAt', occurredAtRule],
  ['metadata', metadataRule],
];

export const RULES_BY_KIND: Record<FeedbackKind, ReadonlyMap<string, FieldRule>> = {
  review: new Map([
    ...commonRules,
    ['rating', halfStepRule(1, FEEDBACK_LIMITS.ratingScaleMax)],
    ['scale', integerRule(2, FEEDBACK_LIMITS.ratingScaleMax)],
    ['product', shortText],
    ['title', shortText],
  ]),
  survey_response: new Map([
    ...commonRules,
    ['npsScore', integerRule(0, 10)],
    ['csat', integerRule(1, FEEDBACK_LIMITS.csatScaleMax)],
    ['csatScale', integerRule(2, FEEDBACK_LIMITS.csatScaleMax)],
    ['ces', integerRule(1, 7)],
    ['question', textRule({ max: 1_000 })],
    ['surveyId', identifierRule()],
  ]),
  social_mention: new Map([
    ...commonRules,
    ['platform', textRule({ max: 64, lowerCase: true })],
    ['author', shortText],
    [
      'url',
      textRule({
        max: FEEDBACK_LIMITS.urlMaxChars,
        pattern: URL_PATTERN,
        patternReason: 'must be an http(s) URL',
      }),
    ],
    ['reach', integerRule(0, Number.MAX_SAFE_INTEGER)],
  ]),
  call_note: new Map([
    ...commonRules,
    ['agent', shortText],
    ['durationSeconds', integerRule(0, FEEDBACK_LIMITS.maxCallSeconds)],
    ['outcome', oneOfRule(CALL_OUTCOMES)],
  ]),
};
