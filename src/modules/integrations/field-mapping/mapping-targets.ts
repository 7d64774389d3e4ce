import { RULES_BY_KIND } from '../../feedback/validation/feedback-field-rules';
import { OUTCOME_RULES } from '../../outcomes/validation/outcome-field-rules';

/** The Hearken fields a mapping may write: every kind's fields, customer's fields, free attributes and metadata. */
const TOP_LEVEL = new Set(Object.values(RULES_BY_KIND).flatMap((rules) => [...rules.keys()]));
const CUSTOMER = new Set(['externalId', 'email', 'phone', 'segment']);
/** Outcome integrations (kind `outcome`) write outcome fields; people are customer, referrer or referred. */
const OUTCOME_TOP_LEVEL = new Set(Object.values(OUTCOME_RULES).flatMap((rules) => [...rules.keys()]));
const OUTCOME_PEOPLE = new Set(['customer', 'referrer', 'referred']);
const NAME = /^[A-Za-z_][\w-]{0,63}$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Reason the dotted target is not writable, or undefined when it is. */
export function targetProblem(target: string, outcome = false): string | undefined {
  const parts = target.split('.');
  if (parts.some((part) => FORBIDDEN.has(part))) return 'must not use __proto__, constructor or prototype';
  const [head, second, ...rest] = parts;
  const what = outcome ? 'Hearken outcome' : 'Hearken feedback';
  if (parts.length === 1)
    return (outcome ? OUTCOME_TOP_LEVEL : TOP_LEVEL).has(head) ? undefined : `is not a ${what} field`;
  if (head === 'metadata') {
    return parts.length <= 3 && parts.slice(1).every((part) => NAME.test(part))
      ? undefined
      : 'metadata targets are metadata.<name> or metadata.<name>.<name>';
  }
  if (outcome ? OUTCOME_PEOPLE.has(head) : head === 'customer') {
    if (parts.length === 2 && CUSTOMER.has(second)) return undefined;
    if (second === 'attributes' && rest.length === 1 && NAME.test(rest[0])) return undefined;
    return `${head} targets are ${head}.externalId|email|phone|segment or ${head}.attributes.<name>`;
  }
  return `is not a ${what} field`;
}

/** Writes `value` at a dotted target, creating plain objects on the way. */
export function setTarget(out: Record<string, unknown>, target: string, value: unknown): void {
  const parts = target.split('.');
  let node = out;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i];
    if (FORBIDDEN.has(part)) throw new Error(`Refusing to write mapping target "${target}"`);
    const next = Object.prototype.hasOwnProperty.call(node, part) ? node[part] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1];
  if (FORBIDDEN.has(last)) throw new Error(`Refusing to write mapping target "${target}"`);
  node[last] = value;
}
