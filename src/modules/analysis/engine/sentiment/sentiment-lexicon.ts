import afinn from 'sentiment/languages/en/labels.json';
import emoji from 'sentiment/build/emoji.json';
import { CX_PHRASES, CX_WORDS, DOMAIN_NEUTRAL, EMOTICONS } from './customer-experience-lexicon';

/** Valences on AFINN's -5..+5 scale, merged once at module load: AFINN-165 and its emoji, then our domain. */
export interface SentimentLexicon {
  words: ReadonlyMap<string, number>;
  /** Multi-word phrases keyed by their words joined with single spaces. */
  phrases: ReadonlyMap<string, number>;
  /** First words of phrases, so most tokens skip the phrase lookup. */
  phraseStarts: ReadonlySet<string>;
  longestPhrase: number;
  emoji: ReadonlyMap<string, number>;
  /** Words whose valence comes from the customer-experience list, for explanations. */
  domainWords: ReadonlySet<string>;
}

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
  for (const [word, value] of Object.entries(CX_WORDS)) words.set(word, value);
  for (const word of DOMAIN_NEUTRAL) words.delete(word);
  for (const [phrase, value] of Object.entries(CX_PHRASES)) phrases.set(phrase, value);
  const emojiMap = new Map<string, number>(Object.entries(emoji as Record<string, number>));
  for (const [emoticon, value] of Object.entries(EMOTICONS)) emojiMap.set(emoticon, value);
  return {
    words,
    phrases,
    phraseStarts: new Set([...phrases.keys()].map((p) => p.split(' ')[0])),
    longestPhrase: Math.max(...[...phrases.keys()].map((p) => p.split(' ').length)),
    emoji: emojiMap,
    domainWords: new Set([...Object.keys(CX_WORDS), ...Object.keys(CX_PHRASES)]),
  };
}

export const SENTIMENT_LEXICON: SentimentLexicon = buildLexicon();
