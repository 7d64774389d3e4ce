import { passesIbanCheck, passesLuhn } from './pii-checksums';
import { isPhoneNumber } from './phone-candidate';

export const PII_KINDS = ['email', 'iban', 'card', 'phone'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

export const PII_PLACEHOLDERS: Record<PiiKind, string> = {
  email: '[EMAIL]',
  iban: '[IBAN]',
  card: '[CARD]',
  phone: '[PHONE]',
};

export interface RedactionResult {
  text: string;
  /** Kinds found, each once, in the order above. Empty when the text came back unchanged. */
  redacted: PiiKind[];
}

// Internationalised too (`ана@пример.рф`, `josé@exämple.com`, punycode TLDs): letters and digits of any script.
const EMAIL =
  /(?<![\p{L}\p{M}\p{N}_.%+-])[\p{L}\p{M}\p{N}_.%+-]{1,64}@(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?\.)+(?:xn--[a-z0-9-]{1,59}|\p{L}[\p{L}\p{M}]{1,23})(?![\p{L}\p{M}\p{N}_-])/giu;
// Groups of four as printed, or compact; a trailing group of 1-3. Checked with mod 97 below.
const IBAN = /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?\b/gi;
// 13-19 digits with optional single space/dash separators; IIN first digit 2-6 (Mastercard 2-series to Discover).
const CARD = /(?<![\d+-])[2-6](?:[ -]?\d){12,18}(?![\d-])/g;
// Digit runs with phone separators; isPhoneNumber decides. Not after a word character, #, currency or decimal mark.
const PHONE = /(?<![\w#$€£¥@/.,+-])(?:\+|\b00)?\(?\d[\d ()./-]{5,22}\d(?![\w#$€£¥@%])/g;

const HAS_DIGIT = /\d/;
const HAS_IBAN_START = /[A-Z]{2}\d{2}/i;

/**
 * Replaces emails, IBANs, payment cards and phone numbers with placeholders before text is
 * stored or analysed. Checksums (Luhn, mod 97) keep order numbers; shape and context rules keep
 * dates, times, prices and flight numbers. Cheap pre-checks skip the regexes for most texts.
 */
export function redactPii(text: string): RedactionResult {
  const found = new Set<PiiKind>();
  let out = text;
  if (out.includes('@')) {
    out = out.replace(EMAIL, () => mark(found, 'email'));
  }
  if (!HAS_DIGIT.test(out)) return result(out, found);
  if (HAS_IBAN_START.test(out)) {
    out = out.replace(IBAN, (match) =>
      passesIbanCheck(match.replace(/[ -]/g, '')) ? mark(found, 'iban') : match,
    );
  }
  out = out.replace(CARD, (match) => (passesLuhn(match.replace(/[ -]/g, '')) ? mark(found, 'card') : match));
  out = out.replace(PHONE, (match: string, offset: number, whole: string) =>
    isPhoneNumber(match, whole.slice(Math.max(0, offset - 40), offset)) ? mark(found, 'phone') : match,
  );
  return result(out, found);
}

function mark(found: Set<PiiKind>, kind: PiiKind): string {
  found.add(kind);
  return PII_PLACEHOLDERS[kind];
}

function result(text: string, found: Set<PiiKind>): RedactionResult {
  return { text, redacted: PII_KINDS.filter((kind) => found.has(kind)) };
}
