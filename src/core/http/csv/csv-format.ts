/**
 * RFC 4180 text: comma-separated, CRLF line ends, a field quoted when it holds a quote, comma or line break.
 * Strings that a spreadsheet would run as a formula (OWASP "CSV injection": a leading `=`, `+`, `-`, `@`, tab
 * or carriage return) get a leading apostrophe, which spreadsheets show as text. Numbers stay numbers: `-0.4`
 * as a number is data, never a formula, and analysts need it numeric.
 */
export type CsvValue = string | number | boolean | Date | null | undefined | readonly unknown[] | object;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(';')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  const safe = neutraliseFormula(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
