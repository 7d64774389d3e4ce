export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations whose trailing period does not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'u.s',
  'jr',
  'sr',
  'no',
  'approx',
  'inc',
  'ltd',
]);

const CONTENT_RE = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

/** A terminator run (with closing quotes/brackets), or a line break; the sentence ends at the run's end. */
const BOUNDARY_RE = /([.!?\u2026]+["'\u201d\u2019)\]]*)(?=\s|$)|\n/g;

/**
 * Splits text into sentences with offsets into the original string (trimmed of surrounding whitespace).
 * Periods after known abbreviations and single initials do not end a sentence.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let from = 0;
  BOUNDARY_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = BOUNDARY_RE.exec(text)) !== null) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && match[0].length === 1 && isAbbreviation(text, match.index)) continue;
    pushTrimmed(text, from, end, spans);
    from = end;
  }
  pushTrimmed(text, from, text.length, spans);
  return spans;
}

function isAbbreviation(text: string, dotIndex: number): boolean {
  let wordStart = dotIndex;
  while (wordStart > 0 && /[\p{L}.]/u.test(text[wordStart - 1])) wordStart--;
  const word = text.slice(wordStart, dotIndex).toLowerCase();
  return ABBREVIATIONS.has(word) || (word.length === 1 && /\p{Lu}/u.test(text[wordStart]));
}

function pushTrimmed(text: string, start: number, end: number, spans: SentenceSpan[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start && CONTENT_RE.test(text.slice(start, end))) {
    spans.push({ text: text.slice(start, end), start, end });
  } else if (end > start && spans.length > 0) {
    // Stray punctuation or emoticons after a sentence belong to it.
    const last = spans[spans.length - 1];
    last.end = end;
    last.text = text.slice(last.start, end);
  } else if (end > start) {
    spans.push({ text: text.slice(start, end), start, end });
  }
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 160 ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x3000
  );
}
