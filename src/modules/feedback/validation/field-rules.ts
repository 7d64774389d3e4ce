import { FEEDBACK_LIMITS } from '../dto/feedback-enums';
import { FieldError } from './field-error.type';
import {
  exceedsCodePoints,
  isPlainObject,
  metadataProblem,
  occurredAtProblem,
  parseIsoDate,
} from './value-checks';

/**
 * A rule checks one field and returns its normalised value, or `undefined` after pushing an error.
 * Rules run after scanStructure, so strings are already known to be well-formed.
 */
export type FieldRule = (value: unknown, path: string, errors: FieldError[], now: number) => unknown;

interface TextOptions {
  max: number;
  lowerCase?: boolean;
  pattern?: RegExp;
  patternReason?: string;
}

export function textRule({ max, lowerCase, pattern, patternReason }: TextOptions): FieldRule {
  return (value, path, errors) => {
    if (typeof value !== 'string') return fail(errors, path, 'must be a string');
    let text = value.trim();
    if (text === '') return fail(errors, path, 'must not be empty');
    if (exceedsCodePoints(text, max)) return fail(errors, path, `must be at most ${max} characters`);
    if (lowerCase) text = text.toLowerCase();
    if (pattern && !pattern.test(text)) return fail(errors, path, patternReason ?? 'has an invalid format');
    return text;
  };
}

/** Ids arrive as strings or as numbers (Zendesk ticket ids); both are stored as strings. */
export function identifierRule(): FieldRule {
  const asText = textRule({ max: FEEDBACK_LIMITS.idMaxChars });
  return (value, path, errors, now) => {
    if (typeof value === 'number') {
      return Number.isSafeInteger(value) && value >= 0
        ? String(value)
        : fail(errors, path, 'must be a string or a non-negative integer');
    }
    return asText(value, path, errors, now);
  };
}

export function oneOfRule(allowed: readonly string[]): FieldRule {
  const reason = `must be one of: ${allowed.join(', ')}`;
  return (value, path, errors) => (allowed.includes(value as string) ? value : fail(errors, path, reason));
}

export function integerRule(min: number, max: number): FieldRule {
  return (value, path, errors) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? value
      : fail(errors, path, `must be an integer from ${min} to ${max}`);
}

/** Half steps allowed: 4.5 stars exists on several review sites. */
export function halfStepRule(min: number, max: number): FieldRule {
  return (value, path, errors) =>
    typeof value === 'number' && Number.isInteger(value * 2) && value >= min && value <= max
      ? value
      : fail(errors, path, `must be a number from ${min} to ${max} in steps of 0.5`);
}

export const occurredAtRule: FieldRule = (value, path, errors, now) => {
  if (typeof value !== 'string') return fail(errors, path, 'must be an ISO 8601 date string');
  const date = parseIsoDate(value.trim());
  if (!date) return fail(errors, path, 'must be a valid ISO 8601 date');
  const problem = occurredAtProblem(date, now);
  return problem ? fail(errors, path, problem) : date;
};

export const metadataRule: FieldRule = (value, path, errors) => {
  if (!isPlainObject(value)) return fail(errors, path, 'must be an object');
  if (Object.keys(value).length === 0) return fail(errors, path, 'must not be empty (omit it instead)');
  const problem = metadataProblem(value);
  return problem ? fail(errors, path, problem) : value;
};

/** Applies `rules` to every key of `value`; keys without a rule are rejected (whitelist). */
export function objectRule(rules: ReadonlyMap<string, FieldRule>): FieldRule {
  return (value, path, errors, now) => {
    if (!isPlainObject(value)) return fail(errors, path, 'must be an object');
    const keys = Object.keys(value);
    if (keys.length === 0) return fail(errors, path, 'must not be empty (omit it instead)');
    const out: Record<string, unknown> = {};
    const before = errors.length;
    for (const key of keys) {
      const raw = value[key];
      const rule = rules.get(key);
      const field = `${path}.${key}`;
      if (!rule) {
        errors.push({ field, reason: 'is not an allowed field' });
        continue;
      }
      if (raw == null) continue;
      const normalised = rule(raw, field, errors, now);
      if (normalised !== undefined) out[key] = normalised;
    }
    return errors.length === before ? out : undefined;
  };
}

/** Free customer attributes: flat, primitive values only, so they can be grouped on. */
export const attributesRule: FieldRule = (value, path, errors) => {
  if (!isPlainObject(value)) return fail(errors, path, 'must be an object');
  const keys = Object.keys(value);
  if (keys.length === 0) return fail(errors, path, 'must not be empty (omit it instead)');
  if (keys.length > FEEDBACK_LIMITS.attributesMaxKeys) {
    return fail(errors, path, `must have at most ${FEEDBACK_LIMITS.attributesMaxKeys} keys`);
  }
  const before = errors.length;
  for (const key of keys) {
    const item = value[key];
    const field = `${path}.${key}`;
    if (key.length > 64) errors.push({ field, reason: 'key must be at most 64 characters' });
    else if (typeof item === 'string' && item.length > FEEDBACK_LIMITS.shortTextMaxChars) {
      errors.push({ field, reason: `must be at most ${FEEDBACK_LIMITS.shortTextMaxChars} characters` });
    } else if (item !== null && !['string', 'number', 'boolean'].includes(typeof item)) {
      errors.push({ field, reason: 'must be a string, number, boolean or null' });
    }
  }
  return errors.length === before ? { ...value } : undefined;
};

function fail(errors: FieldError[], field: string, reason: string): undefined {
  errors.push({ field, reason });
  return undefined;
}
