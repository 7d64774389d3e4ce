import type { WordEntry } from './word-entry';

export type TokenKind = 'word' | 'number' | 'emoji' | 'emoticon' | 'url' | 'mention' | 'hashtag' | 'punct';

export interface Token {
  /** The exact slice of the input, text.slice(start, end). */
  raw: string;
  /** Lowercase, curly apostrophes straightened, letter runs of 3+ squeezed to 2 ("soooo" → "soo"). */
  norm: string;
  kind: TokenKind;
  start: number;
  end: number;
  /** Written in capitals (2+ letters), a common sign of emphasis. */
  shouted: boolean;
  /** Inside the scope of a preceding negator ("not", "never", "n't", ...) within the same clause. */
  negated: boolean;
  /** The tokenizer's cached facts about a word token's spelling (null for other kinds, absent when built by hand). */
  entry?: WordEntry | null;
}
