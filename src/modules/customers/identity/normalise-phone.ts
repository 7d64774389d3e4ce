import { CALLING_CODES, KEEPS_TRUNK_ZERO } from './calling-codes';

export interface PhoneOptions {
  /** ISO 3166-1 alpha-2 (`GB`) or calling code (`44`) used for numbers written without one. */
  defaultCountry?: string;
}

/**
 * E.164-like form: `+` and 8-15 digits, e.g. `+442079460018`, when the country is known (written
 * with `+`/`00`, or from `defaultCountry`). A national number without a default country comes
 * back as its bare digits (no `+`), so the same input still always yields the same identity.
 * No numbering-plan validation (that needs libphonenumber's metadata); undefined if not a phone.
 */
export function normalisePhone(raw: string, options: PhoneOptions = {}): string | undefined {
  const trimmed = raw.trim().replace(/\(0\)/g, ''); // "+44 (0)20 …": the (0) is dialled only nationally
  if (!/^\+?[\d\s().\-/]+$/.test(trimmed)) return undefined;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return international(digits);
  if (digits.startsWith('00')) return international(digits.slice(2));
  const code = callingCode(options.defaultCountry);
  if (code === undefined) return digits.length >= 6 && digits.length <= 15 ? digits : undefined;
  if (code === '1') {
    if (digits.length === 11 && digits.startsWith('1')) return international(digits);
    return digits.length === 10 ? international(`1${digits}`) : undefined;
  }
  const national = digits.startsWith('0') && !KEEPS_TRUNK_ZERO.has(code) ? digits.slice(1) : digits;
  return international(code + national);
}

function international(digits: string): string | undefined {
  return digits.length >= 8 && digits.length <= 15 && !digits.startsWith('0') ? `+${digits}` : undefined;
}

function callingCode(country: string | undefined): string | undefined {
  if (country === undefined) return undefined;
  const value = country.trim().replace(/^\+/, '');
  if (/^\d{1,3}$/.test(value)) return value;
  const code = CALLING_CODES[value.toUpperCase()];
  if (code === undefined)
    throw new Error(`Unknown default country "${country}": use an ISO alpha-2 code or a calling code`);
  return code;
}
