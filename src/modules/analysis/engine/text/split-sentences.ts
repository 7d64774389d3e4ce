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
const LETTER_OR_DOT_RE = /[\p{L}.]/u;

/**
 * Splits text into sentences with offsets into the original string (trimmed of surrounding whitespace).
 * A sentence ends after a run of terminators (. ! ? …) with closing quotes/brackets that is followed by
 * whitespace or the end, or at a line break. Periods after known abbreviations and single initials do not
 * end a sentence. A hand-written scan of /([.!?\u2026]+["'\u201d\u2019)\]]*)(?=\s|$)|\n/g: the regex
 * cost as much as tokenizing.
 */
export function splitSentences(text: string, facts?: TextFacts): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = text.length;
  let from = 0;
  let i = 0;
  let printableAscii = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Most characters neither break a line nor end a sentence: one table read instead of five comparisons.
    const mark = c < 128 ? ASCII_MARKS[c] : c === 0x2026 ? SENTENCE_MARK : BEYOND_ASCII;
    if (mark === 0) {
      i++;
      continue;
    }
    if (mark === BEYOND_ASCII) {
      printableAscii = false;
      i++;
      continue;
    }
    if (c === 10) {
      pushTrimmed(text, from, i + 1, spans);
      from = ++i;
      continue;
    }
    let end = i + 1;
    while (end < n && isTerminator(text.charCodeAt(end))) end++;
    while (end < n && isCloser(text.charCodeAt(end))) end++;
    // The run is skipped below, and may hold \u2026 or curly quotes.
    if (printableAscii && !isPrintableAscii(text, i, end)) printableAscii = false;
    // Every later start inside this run ends at the same place, so none can match either: skip the run.
    const boundary = end === n || isRegexSpace(text.charCodeAt(end));
    if (boundary && !(c === 46 && end === i + 1 && isAbbreviation(text, i))) {
      pushTrimmed(text, from, end, spans);
      from = end;
    }
    i = end;
  }
  pushTrimmed(text, from, n, spans);
  if (facts) facts.printableAscii = printableAscii;
  return spans;
}

/** What splitSentences learns about the whole text on the way, for a caller that passes it. */
export interface TextFacts {
  /** Nothing beyond printable ASCII, tab and line breaks: the text matches no /[^ -~\t\n\r]/. */
  printableAscii: boolean;
}

/** ASCII_MARKS: a line break or a terminator (. ! ?, and \u2026 beyond ASCII). */
const SENTENCE_MARK = 1;
/** ASCII_MARKS: a control character other than tab, line feed and carriage return (or DEL, or beyond ASCII). */
const BEYOND_ASCII = 2;
/** 0 for printable characters that neither break a line nor end a sentence, else one of the marks. */
const ASCII_MARKS = new Uint8Array(128);
for (let c = 0; c < 32; c++) if (c !== 9 && c !== 13) ASCII_MARKS[c] = BEYOND_ASCII;
ASCII_MARKS[127] = BEYOND_ASCII;
for (const c of '\n.!?') ASCII_MARKS[c.charCodeAt(0)] = SENTENCE_MARK;

function isPrintableAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 126) return false;
  return true;
}

function isTerminator(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

function isCloser(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
}

/** JavaScript's \s. */
function isRegexSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    (c >= 0x80 &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}

/** CONTENT_RE.test(text.slice(start, end)) without the slice for ASCII text. */
function hasContent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128) return CONTENT_RE.test(text.slice(i, end));
  }
  return false;
}

function isAbbreviation(text: string, dotIndex: number): boolean {
  let wordStart = dotIndex;
  while (wordStart > 0 && isLetterOrDot(text, wordStart - 1)) wordStart--;
  const word = text.slice(wordStart, dotIndex).toLowerCase();
  return ABBREVIATIONS.has(word) || (word.length === 1 && /\p{Lu}/u.test(text[wordStart]));
}

/** LETTER_OR_DOT_RE.test(text[i]), without the regex for ASCII. */
function isLetterOrDot(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 46 || ((c | 32) >= 97 && (c | 32) <= 122);
  return LETTER_OR_DOT_RE.test(text[i]);
}

function pushTrimmed(text: string, start: number, end: number, spans: SentenceSpan[]): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end > start && hasContent(text, start, end)) {
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
