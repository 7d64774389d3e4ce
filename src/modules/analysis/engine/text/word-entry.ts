import { isNegator, isScopeBreaker, isShortScopeNegator } from './negation';
import { normaliseToken } from './normalise-text';

/** What the tokenizer knows about one word's surface form, resolved once per distinct spelling. */
export interface WordEntry {
  /**
   * Dense number of the entry, so later stages memoise their own facts (stems, lexicon values, model ids)
   * in arrays instead of hashing the word again; -1 once the entry is retired (see MAX_ENTRIES).
   */
  id: number;
  /** The spelling as written. */
  readonly raw: string;
  readonly norm: string;
  readonly shouted: boolean;
  /** "xD" and friends: letters, but an emoticon. */
  readonly emoticon: boolean;
  readonly negator: boolean;
  readonly shortScope: boolean;
  readonly scopeBreaker: boolean;
}

/** Fact slots per entry; memos made after these are taken keep their facts in their own table instead. */
const FACT_SLOTS = 12;
/**
 * Later stages' facts about each entry (see EntryMemo): FACT_SLOTS side by side per entry number, so
 * everything the pipeline knows about a word sits in one place in memory (separate tables cost a cache
 * miss each, and an array per entry a pointer to follow before its facts).
 */
let facts: unknown[] = [];
let nextFactSlot = 0;

/**
 * Enough for every word of a large corpus. When full (rare handles and typos pile up in a long-running
 * worker) the table starts afresh: retired entries keep their facts but lose their number, so no memo
 * table mixes them up with new ones.
 */
const MAX_ENTRIES = 200_000;
/** Bumped when the table starts afresh: memo tables by entry number are then cleared. */
let generation = 0;
const entries: WordEntry[] = [];
/**
 * Open-addressing table over the text's own characters: per slot (hash, entry number + 1, where the
 * spelling starts in `chars`, its length). A word seen before is found without slicing it out of the text
 * or hashing a new string (a Map lookup per word cost more than the rest of tokenizing), and its characters
 * are compared in `chars`, so no pointer is followed until the entry is found.
 */
const SLOT = 4;
let table = new Int32Array(SLOT << 14);
let mask = table.length / SLOT - 1;
/** Every entry's spelling, back to back. */
let chars = new Uint16Array(1 << 16);
let charsUsed = 0;

/** Emoticons made of letters, which the word rule reaches first. */
const LETTER_EMOTICONS: ReadonlySet<string> = new Set(['xD', 'XD', 'xd']);

/** The entry of the word text[start, end). */
export function wordEntryAt(text: string, start: number, end: number): WordEntry {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  const length = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const at = slot * SLOT;
    const number = table[at + 1];
    if (number === 0) break;
    if (table[at] === hash && table[at + 3] === length && sameChars(table[at + 2], text, start, length))
      return entries[number - 1];
  }
  const raw = text.slice(start, end);
  if (entries.length >= MAX_ENTRIES) startAfresh();
  const entry = resolve(raw, entries.length);
  entries.push(entry);
  for (let slot = 0; slot < FACT_SLOTS; slot++) facts.push(undefined);
  const charsAt = storeChars(text, start, length);
  if (entries.length * 2 > mask) grow();
  insert(hash, entry.id + 1, charsAt, length);
  return entry;
}

/** The entry of a word token's raw text. */
export function wordEntry(raw: string): WordEntry {
  return wordEntryAt(raw, 0, raw.length);
}

function sameChars(charsAt: number, text: string, start: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (chars[charsAt + i] !== text.charCodeAt(start + i)) return false;
  return true;
}

/** Appends text[start, start + length) to `chars`; returns where it starts. */
function storeChars(text: string, start: number, length: number): number {
  if (charsUsed + length > chars.length) {
    const old = chars;
    chars = new Uint16Array(Math.max(old.length * 2, charsUsed + length));
    chars.set(old.subarray(0, charsUsed));
  }
  const at = charsUsed;
  for (let i = 0; i < length; i++) chars[at + i] = text.charCodeAt(start + i);
  charsUsed += length;
  return at;
}

function insert(hash: number, number: number, charsAt: number, length: number): void {
  let slot = hash & mask;
  while (table[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask;
  const at = slot * SLOT;
  table[at] = hash;
  table[at + 1] = number;
  table[at + 2] = charsAt;
  table[at + 3] = length;
}

function grow(): void {
  const old = table;
  table = new Int32Array(old.length * 2);
  mask = table.length / SLOT - 1;
  for (let at = 0; at < old.length; at += SLOT)
    if (old[at + 1] !== 0) insert(old[at], old[at + 1], old[at + 2], old[at + 3]);
}

function startAfresh(): void {
  for (const entry of entries) entry.id = -1;
  entries.length = 0;
  facts = [];
  table.fill(0);
  charsUsed = 0;
  generation++;
}

function resolve(raw: string, id: number): WordEntry {
  const emoticon = LETTER_EMOTICONS.has(raw);
  const norm = emoticon ? raw : normaliseToken(raw);
  return {
    id,
    raw,
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
 * A later stage's fact about a word (its stem, lexicon value, model id), computed once per entry: kept in
 * one of the entry's fact slots while slots last, else in a table by entry number (grown densely so it
 * stays a fast-elements array). A retired entry's facts are computed afresh each time.
 */
export class EntryMemo<T> {
  private values: (T | undefined)[] = [];
  private generation = generation;
  private readonly slot = nextFactSlot < FACT_SLOTS ? nextFactSlot++ : -1;

  constructor(private readonly compute: (norm: string) => T) {}

  of(entry: WordEntry): T {
    const id = entry.id;
    if (id < 0) return this.compute(entry.norm);
    if (this.slot >= 0) {
      const at = id * FACT_SLOTS + this.slot;
      let fact = facts[at] as T | undefined;
      if (fact === undefined) fact = facts[at] = this.compute(entry.norm);
      return fact;
    }
    if (this.generation !== generation) [this.values, this.generation] = [[], generation];
    const values = this.values;
    while (values.length <= id) values.push(undefined);
    let value = values[id];
    if (value === undefined) value = values[id] = this.compute(entry.norm);
    return value;
  }
}
