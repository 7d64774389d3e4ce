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

/**
 * Later stages' facts about the word (see EntryMemo), kept in the entry object itself: the tokenizer has
 * just read the entry, so they are in cache, where separate tables (or an array per entry, which V8 keeps
 * apart from the object) cost a cache miss each. Named fields, because only those sit inside the object.
 */
interface FactSlots {
  f0: unknown;
  f1: unknown;
  f2: unknown;
  f3: unknown;
  f4: unknown;
  f5: unknown;
  f6: unknown;
  f7: unknown;
  f8: unknown;
  f9: unknown;
  f10: unknown;
  f11: unknown;
}

type StoredEntry = WordEntry & FactSlots;

/** Fact slots per entry; memos made after these are taken keep their facts in their own table instead. */
const FACT_SLOTS = 12;
let nextFactSlot = 0;

/**
 * Enough for every word of a large corpus. When full (rare handles and typos pile up in a long-running
 * worker) the table starts afresh: retired entries keep their facts but lose their number, so no memo
 * table mixes them up with new ones.
 */
const MAX_ENTRIES = 200_000;
/** Bumped when the table starts afresh: memo tables by entry number are then cleared. */
let generation = 0;
const entries: StoredEntry[] = [];
/**
 * Open-addressing table over the text's own characters: per slot (hash, entry number + 1); where each
 * entry's spelling starts in `chars` and its length are in `spellings`, by entry number. A word seen before
 * is found without slicing it out of the text or hashing a new string (a Map lookup per word cost more than
 * the rest of tokenizing), and its characters are compared in `chars`, so no pointer is followed until the
 * entry is found. Two numbers per slot keep the table half the size (fewer cache misses), and `spellings`
 * is dense, the common words first.
 */
const SLOT = 2;
let table = new Int32Array(SLOT << 14);
let mask = table.length / SLOT - 1;
/** Per entry number: where its spelling starts in `chars`, and its length. */
let spellings = new Int32Array(2 << 14);
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
    if (table[at] === hash && isSpelling(number - 1, text, start, length)) return entries[number - 1];
  }
  const raw = text.slice(start, end);
  if (entries.length >= MAX_ENTRIES) startAfresh();
  const entry = resolve(raw, entries.length);
  entries.push(entry);
  storeSpelling(entry.id, storeChars(text, start, length), length);
  if (entries.length * 2 > mask) grow();
  insert(hash, entry.id + 1);
  return entry;
}

/** The entry of a word token's raw text. */
export function wordEntry(raw: string): WordEntry {
  return wordEntryAt(raw, 0, raw.length);
}

/** Entry number `id` is spelled text[start, start + length). */
function isSpelling(id: number, text: string, start: number, length: number): boolean {
  if (spellings[2 * id + 1] !== length) return false;
  const charsAt = spellings[2 * id];
  for (let i = 0; i < length; i++) if (chars[charsAt + i] !== text.charCodeAt(start + i)) return false;
  return true;
}

function storeSpelling(id: number, charsAt: number, length: number): void {
  if (2 * id + 2 > spellings.length) {
    const old = spellings;
    spellings = new Int32Array(old.length * 2);
    spellings.set(old);
  }
  spellings[2 * id] = charsAt;
  spellings[2 * id + 1] = length;
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

function insert(hash: number, number: number): void {
  let slot = hash & mask;
  while (table[slot * SLOT + 1] !== 0) slot = (slot + 1) & mask;
  const at = slot * SLOT;
  table[at] = hash;
  table[at + 1] = number;
}

function grow(): void {
  const old = table;
  table = new Int32Array(old.length * 2);
  mask = table.length / SLOT - 1;
  for (let at = 0; at < old.length; at += SLOT) if (old[at + 1] !== 0) insert(old[at], old[at + 1]);
}

function startAfresh(): void {
  for (const entry of entries) entry.id = -1;
  entries.length = 0;
  table.fill(0);
  charsUsed = 0;
  generation++;
}

function resolve(raw: string, id: number): StoredEntry {
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
    f0: undefined,
    f1: undefined,
    f2: undefined,
    f3: undefined,
    f4: undefined,
    f5: undefined,
    f6: undefined,
    f7: undefined,
    f8: undefined,
    f9: undefined,
    f10: undefined,
    f11: undefined,
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
 * stays a fast-elements array).
 */
export class EntryMemo<T> {
  private values: (T | undefined)[] = [];
  private generation = generation;
  private readonly slot = nextFactSlot < FACT_SLOTS ? nextFactSlot++ : -1;

  constructor(private readonly compute: (norm: string) => T) {}

  of(entry: WordEntry): T {
    if (this.slot >= 0) {
      // Every entry is made by resolve(), with its fact slots.
      const stored = entry as StoredEntry;
      let fact = readFact(stored, this.slot) as T | undefined;
      if (fact === undefined) writeFact(stored, this.slot, (fact = this.compute(entry.norm)));
      return fact;
    }
    const id = entry.id;
    if (id < 0) return this.compute(entry.norm);
    if (this.generation !== generation) [this.values, this.generation] = [[], generation];
    const values = this.values;
    while (values.length <= id) values.push(undefined);
    let value = values[id];
    if (value === undefined) value = values[id] = this.compute(entry.norm);
    return value;
  }
}

/** A switch over named fields: each case a plain property read, where entry[name] would be a generic one. */
function readFact(entry: StoredEntry, slot: number): unknown {
  switch (slot) {
    case 0:
      return entry.f0;
    case 1:
      return entry.f1;
    case 2:
      return entry.f2;
    case 3:
      return entry.f3;
    case 4:
      return entry.f4;
    case 5:
      return entry.f5;
    case 6:
      return entry.f6;
    case 7:
      return entry.f7;
    case 8:
      return entry.f8;
    case 9:
      return entry.f9;
    case 10:
      return entry.f10;
    default:
      return entry.f11;
  }
}

function writeFact(entry: StoredEntry, slot: number, fact: unknown): void {
  switch (slot) {
    case 0:
      entry.f0 = fact;
      break;
    case 1:
      entry.f1 = fact;
      break;
    case 2:
      entry.f2 = fact;
      break;
    case 3:
      entry.f3 = fact;
      break;
    case 4:
      entry.f4 = fact;
      break;
    case 5:
      entry.f5 = fact;
      break;
    case 6:
      entry.f6 = fact;
      break;
    case 7:
      entry.f7 = fact;
      break;
    case 8:
      entry.f8 = fact;
      break;
    case 9:
      entry.f9 = fact;
      break;
    case 10:
      entry.f10 = fact;
      break;
    default:
      entry.f11 = fact;
  }
}
