import { isNegator, isScopeBreaker, isShortScopeNegator } from './negation';
import { normaliseToken } from './normalise-text';

/** What the tokenizer knows about one word's surface form, resolved once per distinct spelling. */
export interface WordEntry {
  /**
   * Dense number of the entry, so later stages memoise their own facts (stems, lexicon values, model ids)
   * in arrays instead of hashing the word again; -1 when the cache was full and the entry is not kept.
   */
  readonly id: number;
  readonly norm: string;
  readonly shouted: boolean;
  /** "xD" and friends: letters, but an emoticon. */
  readonly emoticon: boolean;
  readonly negator: boolean;
  readonly shortScope: boolean;
  readonly scopeBreaker: boolean;
}

/** Enough for every word of a large corpus; past it, new spellings are resolved each time and not kept. */
const MAX_ENTRIES = 200_000;
const entries = new Map<string, WordEntry>();

/** Emoticons made of letters, which the word rule reaches first. */
const LETTER_EMOTICONS: ReadonlySet<string> = new Set(['xD', 'XD', 'xd']);

/** The entry of a word token's raw text (one Map lookup for a spelling seen before). */
export function wordEntry(raw: string): WordEntry {
  let entry = entries.get(raw);
  if (entry === undefined) {
    const kept = entries.size < MAX_ENTRIES;
    entry = resolve(raw, kept ? entries.size : -1);
    if (kept) entries.set(raw, entry);
  }
  return entry;
}

function resolve(raw: string, id: number): WordEntry {
  const emoticon = LETTER_EMOTICONS.has(raw);
  const norm = emoticon ? raw : normaliseToken(raw);
  return {
    id,
    norm,
    shouted: !emoticon && isShouted(raw),
    emoticon,
    negator: !emoticon && isNegator(norm),
    shortScope: isShortScopeNegator(norm),
    scopeBreaker: isScopeBreaker(norm),
  };
}

/** Written in capitals: two or more letters, none lowercase. */
export function isShouted(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (raw.length < 2 || (first >= 97 && first <= 122)) return false;
  return raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

/**
 * A later stage's fact about a word (its stem, lexicon value, model id), computed once per entry and read
 * back by entry number. The array is grown densely so it stays a fast-elements array.
 */
export class EntryMemo<T> {
  private readonly values: (T | undefined)[] = [];

  constructor(private readonly compute: (norm: string) => T) {}

  of(entry: WordEntry): T {
    const id = entry.id;
    if (id < 0) return this.compute(entry.norm);
    const values = this.values;
    while (values.length <= id) values.push(undefined);
    let value = values[id];
    if (value === undefined) value = values[id] = this.compute(entry.norm);
    return value;
  }
}
