import { stemWord } from '../nlp/porter-stemmer';
import type { Token } from '../text/token';
import { EntryMemo } from '../text/word-entry';
import { DIMINISHERS, DOMAIN_NEUTRAL, INTENSIFIERS } from './customer-experience-lexicon';
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
