import type { FeedbackInput } from '../dto/feedback-input.type';
import type { FieldError } from '../validation/field-error.type';
import { PII_KINDS, PiiKind, redactPii } from './redact-pii';

/**
 * Every field that can carry personal data, and what happens to it (docs/reliability.md lists them):
 * - free text: the PII in it is replaced by placeholders, as in `text`;
 * - identifiers: refused with 400 when they hold PII, since a placeholder would merge different items.
 *   A bare digit string is taken for an id (ticket 20794609580), not for a phone or card number, and so is a UUID.
 * Customer email, phone and externalId are never stored: only their keyed hashes.
 */
export const REDACTED_FIELDS = [
  'text',
  'title',
  'product',
  'question',
  'author',
  'agent',
  'platform',
  'url',
  'touchpoint',
  'customer.segment',
  'customer.attributes.*',
  'metadata.*',
] as const;
export const REFUSED_IF_PII_FIELDS = ['externalId', 'surveyId'] as const;

export type FieldRedaction =
  { ok: true; input: FeedbackInput; redacted: PiiKind[] } | { ok: false; errors: FieldError[] };

const BARE_ID = /^\d+$/;
/** UUIDs, which are ids whatever their digits look like: 1 in 400 random ones held a "card", "phone" or "IBAN". */
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

export function redactFeedbackFields(input: FeedbackInput): FieldRedaction {
  const found = new Set<PiiKind>();
  const clean = (value: string): string => {
    const r = redactPii(value);
    r.redacted.forEach((k) => found.add(k));
    return r.text;
  };
  const errors: FieldError[] = [];
  const copy: Record<string, unknown> = { ...input };
  for (const field of REFUSED_IF_PII_FIELDS) {
    const value = copy[field];
    if (typeof value !== 'string' || BARE_ID.test(value)) continue;
    const kinds = redactPii(value.replace(UUIDS, ' ')).redacted;
    if (kinds.length) errors.push({ field, reason: `must not contain personal data (${kinds.join(', ')})` });
  }
  if (errors.length) return { ok: false, errors };
  for (const field of [
    'text',
    'title',
    'product',
    'question',
    'author',
    'agent',
    'platform',
    'url',
    'touchpoint',
  ]) {
    if (typeof copy[field] === 'string') copy[field] = clean(copy[field] as string);
  }
  if (input.metadata) copy.metadata = redactDeep(input.metadata, clean);
  if (input.customer) {
    const customer = { ...input.customer };
    if (customer.segment !== undefined) customer.segment = clean(customer.segment);
    if (customer.attributes)
      customer.attributes = redactDeep(customer.attributes, clean) as typeof customer.attributes;
    copy.customer = customer;
  }
  return {
    ok: true,
    input: copy as unknown as FeedbackInput,
    redacted: PII_KINDS.filter((kind) => found.has(kind)),
  };
}

/** Strings at any depth, keys included (a key can be an email as well as a value). */
function redactDeep(value: unknown, clean: (s: string) => string): Record<string, unknown> {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return clean(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v)) out[clean(k)] = walk(inner);
      return out;
    }
    return v;
  };
  return walk(value) as Record<string, unknown>;
}
