import { negationScope } from './negation';
import { normaliseToken } from './normalise-text';
import type { Token, TokenKind } from './token';
import { wordEntryAt } from './word-entry';

/** Eyes, optional nose, mouth; both reading directions; hearts and a few kaomoji. Tried only where one can start. */
const EMOTICON_RE =
  /(?:<\/?3|[:;=][-o*'^]?[()[\]dDpP/\\|@{}*$3]+|[)(\][/\\][-o*'^]?[:;=]|\^_*\^|-_+-|;_;|:'[()]|>:[([])(?![\p{L}\p{N}])/uy;
const EMOJI_RE =
  /(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])?(?:\u200D\p{Extended_Pictographic}\uFE0F?)*/uy;
const LETTER_OR_MARK_RE = /[\p{L}\p{M}]/u;
const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}_]/u;
/** Characters an emoticon can start with, as a lookup table by char code (all ASCII). */
const EMOTICON_STARTS = new Uint8Array(128);
for (const c of ':;=<^-)(][/\\>') EMOTICON_STARTS[c.charCodeAt(0)] = 1;

/**
 * Splits text into tokens with character offsets, keeping URLs, @mentions, #hashtags, emoji and emoticons
 * whole, and marks negation scope. A hand-written scanner: a regex alternation with Unicode classes cost
 * more than everything else in sentiment analysis together. Offsets index the original string.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  // Negation scope is marked in the same pass (see markNegation, which this equals).
  let remaining = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    let kind: TokenKind;
    if ((c === 104 || c === 119) && isUrlStart(text, i)) {
      while (i < n && !isSpace(text.charCodeAt(i))) i++;
      kind = 'url';
    } else if (isLetter(text, i)) {
      i = scanWord(text, i);
      const entry = wordEntryAt(text, start, i);
      const raw = entry.raw;
      let negated = false;
      if (entry.emoticon) kind = 'emoticon';
      else {
        kind = 'word';
        if (entry.scopeBreaker) remaining = 0;
        else if (entry.negator) remaining = negationScope(entry.shortScope);
        else if (remaining > 0) {
          negated = true;
          remaining--;
        }
      }
      tokens.push({ raw, norm: entry.norm, kind, start, end: i, shouted: entry.shouted, negated, entry });
      continue;
    } else if (c >= 48 && c <= 57) {
      i = scanNumber(text, i);
      kind = 'number';
    } else if ((c === 64 || c === 35) && i + 1 < n && isWordChar(text, i + 1)) {
      i++;
      while (i < n && isWordChar(text, i)) i++;
      // The same few handles and tags recur: their normal form comes from the entry table too.
      const { raw, norm } = wordEntryAt(text, start, i);
      tokens.push({
        raw,
        norm,
        kind: c === 64 ? 'mention' : 'hashtag',
        start,
        end: i,
        shouted: false,
        negated: false,
        entry: null,
      });
      continue;
    } else if (c < 128 && EMOTICON_STARTS[c] === 1 && matchEnd(EMOTICON_RE, text, i) > i) {
      i = EMOTICON_RE.lastIndex;
      kind = 'emoticon';
    } else if (c >= 0x2000 && matchEnd(EMOJI_RE, text, i) > i) {
      i = EMOJI_RE.lastIndex;
      kind = 'emoji';
    } else {
      i = scanPunct(text, i, c);
      kind = 'punct';
    }
    const raw = text.slice(start, i);
    const norm = kind === 'emoji' || kind === 'emoticon' ? raw : normaliseToken(raw);
    let negated = false;
    if (kind === 'punct') remaining = 0;
    // A number is never a negator or a clause word, but it counts as a word of the scope.
    else if (kind === 'number' && remaining > 0) {
      negated = true;
      remaining--;
    }
    tokens.push({ raw, norm, kind, start, end: i, shouted: false, negated, entry: null });
  }
  return tokens;
}

/** End of a sticky regex's match at i, or -1. */
function matchEnd(sticky: RegExp, text: string, i: number): number {
  sticky.lastIndex = i;
  return sticky.test(text) ? sticky.lastIndex : -1;
}

function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 160 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return c < 0xd800
    ? LETTER_OR_MARK_RE.test(text[i])
    : LETTER_OR_MARK_RE.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
  return WORD_CHAR_RE.test(text[i]);
}

function isUrlStart(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  if (next !== 116 && next !== 119) return false;
  return text.startsWith('http://', i) || text.startsWith('https://', i) || text.startsWith('www.', i);
}

/** Letters and marks, with inner apostrophes ("don't", "o’clock"). ASCII letters are read without a call. */
function scanWord(text: string, i: number): number {
  const n = text.length;
  for (;;) {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        const lower = c | 32;
        if (lower < 97 || lower > 122) break;
        i++;
      } else if (isLetter(text, i)) i += c >= 0xd800 && c < 0xdc00 ? 2 : 1;
      else break;
    }
    const c = text.charCodeAt(i);
    if ((c === 39 || c === 0x2019) && i + 1 < n && isLetter(text, i + 1)) i++;
    else return i;
  }
}

/** Digits with inner separators ("10:30", "1,000.50") and a unit suffix ("2hrs"). */
function scanNumber(text: string, i: number): number {
  const n = text.length;
  const isDigit = (j: number): boolean => j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57;
  while (isDigit(i)) i++;
  while ((text[i] === '.' || text[i] === ',' || text[i] === ':') && isDigit(i + 1)) {
    i++;
    while (isDigit(i)) i++;
  }
  while (i < n && isLetter(text, i)) i++;
  return i;
}

/** "..." and "!!!"/"?!" runs stay one token; anything else is one character (or surrogate pair). */
function scanPunct(text: string, i: number, c: number): number {
  const n = text.length;
  if (c === 46 && text.charCodeAt(i + 1) === 46) {
    while (i < n && text.charCodeAt(i) === 46) i++;
    return i;
  }
  if (c === 33 || c === 63) {
    while (i < n && (text.charCodeAt(i) === 33 || text.charCodeAt(i) === 63)) i++;
    return i;
  }
  return i + (c >= 0xd800 && c < 0xdc00 ? 2 : 1);
}
