import afinn from 'sentiment/languages/en/labels.json';
import emoji from 'sentiment/build/emoji.json';
import { CX_PHRASES, CX_WORDS } from './customer-experience-lexicon';
import { DOMAIN_NEUTRAL, EMOTICONS } from './lexicon-modifiers';
import { loadVaderLexicon } from './vader-lexicon';

/** Valences on AFINN's -5..+5 scale, merged once at module load: AFINN-165 and its emoji, then our domain. */
export interface SentimentLexicon {
  words: ReadonlyMap<string, number>;
  /** Multi-word phrases keyed by their words joined with single spaces. */
  phrases: ReadonlyMap<string, number>;
  /** First words of phrases, so most tokens skip the phrase lookup. */
  phraseStarts: ReadonlySet<string>;
  longestPhrase: number;
  emoji: ReadonlyMap<string, number>;
  /**
   * `words` widened with VADER's valence (rescaled to AFINN's range) for the ~4,600 words AFINN lacks
   * ("gorgeous", "lmao", "tragic"). It feeds the model's features and lexicon prior, not explanations:
   * filling `words` itself tipped complaints that use mildly positive words to positive.
   */
  vaderWords: ReadonlyMap<string, number>;
  /** Words whose valence comes from the customer-experience list, for explanations. */
  domainWords: ReadonlySet<string>;
}

/** Least-squares ratio of AFINN to VADER valences over the 2,651 words both rate. */
const VADER_TO_AFINN = 1.1;

function buildLexicon(): SentimentLexicon {
  const words = new Map<string, number>(Object.entries(afinn as Record<string, number>));
  // AFINN holds a few multi-word keys ("cashing in"); the tokenizer never yields them as one word.
  const phrases = new Map<string, number>();
  for (const [key, value] of words) {
    if (key.includes(' ')) {
      phrases.set(key, value);
      words.delete(key);
    }
  }
  const vaderWords = new Map<string, number>();
  // Words only: VADER's emoticons ("d:", ":-)") are left to the emoji table, which the tokenizer matches.
  for (const [token, value] of loadVaderLexicon())
    if (/^[a-z][a-z'-]*$/.test(token)) vaderWords.set(token, round1(value * VADER_TO_AFINN));
  for (const [word, value] of words) vaderWords.set(word, value);
  for (const [word, value] of Object.entries(CX_WORDS)) {
    words.set(word, value);
    vaderWords.set(word, value);
  }
  for (const word of DOMAIN_NEUTRAL) {
    words.delete(word);
    vaderWords.delete(word);
  }
  for (const [phrase, value] of Object.entries(CX_PHRASES)) phrases.set(phrase, value);
  const emojiMap = new Map<string, number>(Object.entries(emoji as Record<string, number>));
  for (const [emoticon, value] of Object.entries(EMOTICONS)) emojiMap.set(emoticon, value);
  return {
    words,
    phrases,
    phraseStarts: new Set([...phrases.keys()].map((p) => p.split(' ')[0])),
    longestPhrase: Math.max(...[...phrases.keys()].map((p) => p.split(' ').length)),
    emoji: emojiMap,
    vaderWords,
    domainWords: new Set([...Object.keys(CX_WORDS), ...Object.keys(CX_PHRASES)]),
  };
}

export const SENTIMENT_LEXICON: SentimentLexicon = buildLexicon();

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
