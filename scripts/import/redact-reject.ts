import { redactPii } from '../../src/modules/feedback/pii/redact-pii';

/**
 * A rejected line goes to a file that people open, mail and attach to tickets: personal data leaves every string
 * in it (texts, customer emails and phones, error messages quoting the line) as it leaves what ingestion stores.
 * The rest is kept so the line can still be fixed and imported again.
 */
export function redactReject<T>(value: T): T {
  if (typeof value === 'string') return redactPii(value).text as T;
  if (Array.isArray(value)) return value.map(redactReject) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactReject(v)])) as T;
  return value;
}
