import type { CustomerRefInput } from '../../feedback/dto/feedback-input.type';
import { FieldError, ROOT_FIELD, ValidationResult } from '../../feedback/validation/field-error.type';
import { isPlainObject, scanStructure } from '../../feedback/validation/value-checks';
import { OUTCOME_TYPES, OutcomeType } from '../dto/outcome-enums';
import type { OutcomeInput } from '../dto/outcome-input.type';
import { OUTCOME_RULES, REQUIRED_FIELDS } from './outcome-field-rules';

const TYPE_REASON = `must be one of: ${OUTCOME_TYPES.join(', ')}`;

/**
 * The one gate of every outcome entry point (REST, webhooks, import), built like validateFeedbackInput:
 * a whitelist per type, then the checks across fields (figures that add up, no referral to oneself).
 * Never throws.
 */
export function validateOutcomeInput(
  raw: unknown,
  options: { now?: number } = {},
): ValidationResult<OutcomeInput> {
  try {
    return validate(raw, options.now ?? Date.now());
  } catch {
    return { ok: false, errors: [{ field: ROOT_FIELD, reason: 'could not be read as a JSON object' }] };
  }
}

function validate(raw: unknown, now: number): ValidationResult<OutcomeInput> {
  if (!isPlainObject(raw)) {
    return rejected(
      ROOT_FIELD,
      Array.isArray(raw) ? 'must be an object, not an array' : 'must be a JSON object',
    );
  }
  const errors: FieldError[] = [];
  scanStructure(raw, ROOT_FIELD, 0, errors);
  if (errors.length) return { ok: false, errors };
  const type = raw.type;
  if (type == null) return rejected('type', 'is required');
  if (!OUTCOME_TYPES.includes(type as OutcomeType)) return rejected('type', TYPE_REASON);

  const rules = OUTCOME_RULES[type as OutcomeType];
  const out: Record<string, unknown> = { type };
  for (const key of Object.keys(raw)) {
    if (key === 'type') continue;
    const rule = rules.get(key);
    if (!rule) {
      errors.push({ field: key, reason: `is not an allowed field for type ${type as string}` });
      continue;
    }
    if (raw[key] == null) continue;
    const value = rule(raw[key], key, errors, now);
    if (value !== undefined) out[key] = value;
  }
  for (const field of REQUIRED_FIELDS[type as OutcomeType])
    if (raw[field] == null) errors.push({ field, reason: `is required for type ${type as string}` });
  if (!errors.length) errors.push(...crossFieldProblems(out));
  if (errors.length) return { ok: false, errors };
  out.occurredAt ??= type === 'retention' ? out.periodEnd : new Date(now);
  return { ok: true, value: out as unknown as OutcomeInput };
}

/** Checks that need several fields; identities are compared again after customer resolution. */
function crossFieldProblems(out: Record<string, unknown>): FieldError[] {
  const errors: FieldError[] = [];
  if (out.type === 'referral') {
    if (sharesIdentity(out.referrer as CustomerRefInput, out.referred as CustomerRefInput))
      errors.push({ field: 'referred', reason: 'must not be the referrer (a referral to oneself)' });
    for (const side of ['referrer', 'referred'])
      if (!hasIdentity(out[side] as CustomerRefInput))
        errors.push({ field: side, reason: 'needs an externalId, email or phone' });
  } else if (out.type === 'lifecycle') {
    if (!hasIdentity(out.customer as CustomerRefInput))
      errors.push({ field: 'customer', reason: 'needs an externalId, email or phone' });
    if (out.currency !== undefined && out.value === undefined)
      errors.push({ field: 'currency', reason: 'is only allowed together with value' });
  } else {
    const [start, end] = [out.periodStart as Date, out.periodEnd as Date];
    if (start.getTime() >= end.getTime())
      errors.push({ field: 'periodEnd', reason: 'must be after periodStart' });
    const total = (out.retained as number) + (out.churned as number);
    if (total !== out.customersAtStart)
      errors.push({
        field: 'customersAtStart',
        reason: `must equal retained + churned (${out.retained as number} + ${out.churned as number} = ${total})`,
      });
  }
  return errors;
}

function hasIdentity(ref: CustomerRefInput): boolean {
  return ref.externalId !== undefined || ref.email !== undefined || ref.phone !== undefined;
}

function sharesIdentity(a: CustomerRefInput, b: CustomerRefInput): boolean {
  return (
    (a.externalId !== undefined && a.externalId === b.externalId) ||
    (a.email !== undefined && a.email === b.email) ||
    (a.phone !== undefined && a.phone.replace(/\D/g, '') === b.phone?.replace(/\D/g, ''))
  );
}

function rejected(field: string, reason: string): ValidationResult<OutcomeInput> {
  return { ok: false, errors: [{ field, reason }] };
}
