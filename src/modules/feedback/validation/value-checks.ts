import { FEEDBACK_LIMITS } from '../dto/feedback-enums';
import { FieldError, joinPath } from './field-error.type';

/**
 * Primitive checks shared by the fast validator and the class-validator decorators,
 * so the two paths cannot drift apart on what a valid value is.
 */

/** Keys that could reach an object's prototype chain if anyone ever merges input into an object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

interface WellFormedString {
  isWellFormed(): boolean;
}

/** Lone surrogates break UTF-8 encoding (MySQL, JSON to Redis); NUL truncates C-string consumers. */
export function isWellFormedText(value: string): boolean {
  return (value as unknown as WellFormedString).isWellFormed() && !value.includes('\u0000');
}

/** Length in Unicode code points; the cheap UTF-16 length decides most cases without iterating. */
export function exceedsCodePoints(value: string, max: number): boolean {
  if (value.length <= max) return false;
  if (value.length > max * 2) return true;
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) i++;
    if (++count > max) return true;
  }
  return false;
}

/**
 * Walks the whole input once: forbidden keys, malformed strings, non-JSON values and excessive
 * nesting are reported wherever they hide, before any field rule looks at the data.
 */
export function scanStructure(value: unknown, path: string, depth: number, errors: FieldError[]): void {
  switch (typeof value) {
    case 'string':
      if (!isWellFormedText(value)) errors.push({ field: path, reason: 'must be valid Unicode text' });
      return;
    case 'number':
      if (!Number.isFinite(value)) errors.push({ field: path, reason: 'must be a finite number' });
      return;
    case 'boolean':
    case 'undefined':
      return;
    case 'object':
      if (value === null) return;
      if (depth >= FEEDBACK_LIMITS.maxNestingDepth) {
        errors.push({
          field: path,
          reason: `must not nest deeper than ${FEEDBACK_LIMITS.maxNestingDepth} levels`,
        });
        return;
      }
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) scanStructure(value[i], `${path}[${i}]`, depth + 1, errors);
        return;
      }
      if (!isPlainObject(value)) {
        errors.push({ field: path, reason: 'must be a plain JSON object' });
        return;
      }
      for (const key of Object.keys(value)) {
        const child = joinPath(path, key);
        if (FORBIDDEN_KEYS.has(key)) errors.push({ field: child, reason: 'is a forbidden key' });
        else if (!isWellFormedText(key))
          errors.push({ field: path, reason: 'keys must be valid Unicode text' });
        else scanStructure(value[key], child, depth + 1, errors);
      }
      return;
    default:
      errors.push({ field: path, reason: 'must be a JSON value' });
  }
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return leap ? 29 : DAYS_IN_MONTH[month - 1];
}

/**
 * ISO 8601 date or date-time. A date-time without offset is read as UTC, so the
 * server's time zone never changes what is stored.
 */
export function parseIsoDate(value: string): Date | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return undefined;
  const iso = h === undefined ? value : value.replace(' ', 'T') + (zone ? '' : 'Z');
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time);
}

/** Reason the date is unacceptable, or undefined when it is fine. */
export function occurredAtProblem(date: Date, now: number): string | undefined {
  const time = date.getTime();
  if (time > now + FEEDBACK_LIMITS.futureToleranceMs) return 'must not be more than 24 h in the future';
  if (time < FEEDBACK_LIMITS.earliestOccurredAt) return 'must not be before 1990-01-01';
  return undefined;
}

/** Reason the metadata is unacceptable (size only: shape and depth are checked by scanStructure). */
export function metadataProblem(value: Record<string, unknown>): string | undefined {
  const bytes = Buffer.byteLength(JSON.stringify(value), 'utf8');
  return bytes > FEEDBACK_LIMITS.metadataMaxBytes
    ? `must be at most ${FEEDBACK_LIMITS.metadataMaxBytes} bytes of JSON (got ${bytes})`
    : undefined;
}

/** Pragmatic shape check (one @, a dot in the domain, no spaces), not RFC 5322. */
export const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Digits with common separators, optional leading +; 6 to 15 digits are checked separately. */
export const PHONE_PATTERN = /^\+?[\d\s().\-/]{4,30}$/;

export function phoneDigitCount(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

export const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
