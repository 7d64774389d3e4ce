/**
 * Decides whether a run of digits and separators is a phone number. Digit runs in feedback are
 * mostly order numbers, dates, prices and times, so a run counts as a phone only when its shape
 * says so (international prefix, trunk 0, (area) code, 3-3-4) or the words before it do.
 */

const PHONE_WORDS =
  /\b(?:call(?:ed)?|phone|tel|telephone|mobile|cell|whats ?app|sms|text me|reach me|ring|fax|contact|number)\b[^\d]{0,20}$/i;
const REFERENCE_WORDS =
  /\b(?:order|invoice|ref(?:erence)?|tracking|ticket|case|account|acct|flight|booking|confirmation|receipt|parcel|sku|item|serial|id|po)\s*(?:number|no\.?|nr\.?|id)?(?:\s+is)?\s*[:#]?\s*$/i;
const DATE_INSIDE = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}/;
const NANP = /^\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}$/;

export function isPhoneNumber(candidate: string, textBefore: string): boolean {
  const digits = candidate.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15 || DATE_INSIDE.test(candidate)) return false;
  const plus = candidate.startsWith('+');
  if (!plus && REFERENCE_WORDS.test(textBefore)) return false;
  if (plus || /^00[1-9]/.test(candidate)) return digits.length >= 8 && consistentSeparators(candidate, true);
  if (NANP.test(candidate)) return true;
  if (!consistentSeparators(candidate, false)) return false;
  if (PHONE_WORDS.test(textBefore)) return true;
  if (candidate.startsWith('(')) return digits.length >= 10 && digits.length <= 11;
  if (digits.startsWith('0')) return digits.length >= 9 && digits.length <= 12;
  return NANP.test(candidate);
}

/** Phones use one kind of separator ("06 12 34 56 78", "555-123-4567"); "01.05.2024 10" mixes. */
function consistentSeparators(candidate: string, international: boolean): boolean {
  const kinds = new Set(candidate.replace(/^\+|[\d()]/g, '').replace(/\s+/g, ' '));
  if (international) kinds.delete(' ');
  return kinds.size <= 1;
}
