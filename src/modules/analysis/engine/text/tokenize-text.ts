import { markNegation } from './negation';
import { normaliseToken } from './normalise-text';
import type { Token, TokenKind } from './token';

/** Eyes, optional nose, mouth; both reading directions; hearts and a few kaomoji. */
const EMOTICON = String.raw`(?:<\/?3|[:;=8xX][\-o*'^]?[()\[\]dDpP\/\\|@{}*$3]+|[)(\]\[dD\/\\][\-o*'^]?[:;=8]|\^_*\^|-_+-|T_T|;_;|:'[()])`;
const EMOJI = String.raw`(?:\p{Extended_Pictographic}|\p{Regional_Indicator})(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])?(?:\u200D\p{Extended_Pictographic}\uFE0F?)*`;
const PARTS: [TokenKind, string][] = [
  ['url', String.raw`(?:https?:\/\/|www\.)[^\s]+`],
  ['mention', String.raw`@\w+`],
  ['hashtag', String.raw`#\w+`],
  ['emoticon', String.raw`(?<![\p{L}\p{N}])${EMOTICON}(?![\p{L}\p{N}])`],
  ['emoji', EMOJI],
  ['word', String.raw`[\p{L}\p{M}]+(?:['’][\p{L}]+)*|\p{N}+(?:[.,:]\p{N}+)*(?:[\p{L}]+)?`],
  ['punct', String.raw`\.{2,}|[!?]+|[^\s\p{L}\p{N}]`],
];
const TOKEN_RE = new RegExp(PARTS.map(([, source]) => `(${source})`).join('|'), 'gu');

/**
 * Splits text into tokens with character offsets, keeping URLs, @mentions, #hashtags, emoji and emoticons
 * whole, and marks negation scope. One regex pass; offsets index the original string.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN_RE.exec(text)) !== null) {
    const raw = match[0];
    let kind: TokenKind = 'punct';
    for (let group = 1; group <= PARTS.length; group++) {
      if (match[group] !== undefined) {
        kind = PARTS[group - 1][0];
        break;
      }
    }
    if (kind === 'word' && raw.charCodeAt(0) >= 48 && raw.charCodeAt(0) <= 57) kind = 'number';
    const shouted =
      kind === 'word' && raw.length >= 2 && raw === raw.toUpperCase() && raw !== raw.toLowerCase();
    const norm = kind === 'emoji' || kind === 'emoticon' ? raw : normaliseToken(raw);
    tokens.push({
      raw,
      norm,
      kind,
      start: match.index,
      end: match.index + raw.length,
      shouted,
      negated: false,
    });
  }
  markNegation(tokens);
  return tokens;
}
