import { stemWord } from '../nlp/porter-stemmer';
import type { Token } from '../text/token';
import { EntryMemo } from '../text/word-entry';
import { DIMINISHERS, DOMAIN_NEUTRAL, INTENSIFIERS } from './lexicon-modifiers';
import { SENTIMENT_LEXICON } from './sentiment-lexicon';

/** Everything the scorer and the featuriser need to know about one normalised word, found with one lookup. */
export interface WordInfo {
  /** Lexicon valence (AFINN scale), 0 when none; a trailing "'s" is ignored. */
  valence: number;
  /** Valence in the lexicon widened with VADER's words (SentimentLexicon.vaderWords), 0 when none. */
  vader: number;
  /** Valence comes from the customer-experience list. */
  domain: boolean;
  /** Some lexicon phrase starts with this word. */
  phraseStart: boolean;
  /** The model's word for it (Porter stem), or null for words that are not sentiment in this domain. */
  modelWord: string | null;
  /** "but", "however": the clause after it weighs more. */
  contrast: boolean;
  /** "although", "despite": the clause it opens weighs less. */
  concessive: boolean;
  /** +1 for an intensifier ("very"), -1 for a diminisher ("slightly"), else 0. */
  booster: number;
}

/** Words that turn a sentence ("A but B" weighs B more). */
export const CONTRAST_WORDS: ReadonlySet<string> = new Set([
  'but',
  'however',
  'nevertheless',
  'nonetheless',
  'except',
  'unfortunately',
]);
/** "Although X, Y": X is the weaker clause, up to the next punctuation. */
export const CONCESSIVE_WORDS: ReadonlySet<string> = new Set([
  'although',
  'though',
  'despite',
  'while',
  'whilst',
]);

const MAX_CACHED = 100_000;
const cache = new Map<string, WordInfo>();
const SKIPPED_WORDS: ReadonlySet<string> = new Set(DOMAIN_NEUTRAL);

/** Memoised: a few thousand words make up almost every text, so each is resolved once per process. */
export function wordInfo(norm: string): WordInfo {
  let info = cache.get(norm);
  if (info === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    info = resolve(norm);
    cache.set(norm, info);
  }
  return info;
}

const byEntry = new EntryMemo(wordInfo);

/** wordInfo of a word token's norm, memoised by the tokenizer's entry: an array read, no hashing. */
export function tokenWordInfo(token: Token): WordInfo {
  return token.entry ? byEntry.of(token.entry) : wordInfo(token.norm);
}

/**
 * Bits of wordFlags: the facts the lexicon scorer asks of every word, kept as a small integer on the entry
 * itself. Most words carry no sentiment, and for them no WordInfo object has to be read from memory.
 */
export const WordFlag = {
  contrast: 1,
  concessive: 2,
  intensifier: 4,
  diminisher: 8,
  /** A valence in either lexicon, or the start of a lexicon phrase: the scorer needs the WordInfo. */
  lexical: 16,
} as const;

const flagsByEntry = new EntryMemo((norm) => flagsOf(wordInfo(norm)));

/** WordFlag bits of a word token (tokenWordInfo folded into one integer). */
export function tokenWordFlags(token: Token): number {
  return token.entry ? flagsByEntry.of(token.entry) : flagsOf(wordInfo(token.norm));
}

function flagsOf(info: WordInfo): number {
  return (
    (info.contrast ? WordFlag.contrast : 0) |
    (info.concessive ? WordFlag.concessive : 0) |
    (info.booster > 0 ? WordFlag.intensifier : info.booster < 0 ? WordFlag.diminisher : 0) |
    (info.valence !== 0 || info.vader !== 0 || info.phraseStart ? WordFlag.lexical : 0)
  );
}

function resolve(norm: string): WordInfo {
  const { words, vaderWords, phraseStarts, domainWords } = SENTIMENT_LEXICON;
  const base = norm.endsWith("'s") && !words.has(norm) ? norm.slice(0, -2) : norm;
  return {
    valence: words.get(base) ?? 0,
    vader: vaderWords.get(base) ?? 0,
    domain: domainWords.has(base),
    phraseStart: phraseStarts.has(norm),
    modelWord: SKIPPED_WORDS.has(norm) ? null : stemWord(norm),
    contrast: CONTRAST_WORDS.has(norm),
    concessive: CONCESSIVE_WORDS.has(norm),
    booster: INTENSIFIERS.has(norm) ? 1 : DIMINISHERS.has(norm) ? -1 : 0,
  };
}
