import type { Token } from '../text/token';
import type { LexiconScore } from './lexicon-scorer';
import { tokenWordInfo, wordInfo } from './word-info';

/** The model word of every number. */
export const NUMBER_WORD = '<num>';

/** How many dense lexicon features follow the word features; the model JSON records it. */
export const NUM_LEXICON_FEATURES = 11;

/**
 * Model words for a token range: Porter stems (domain-neutral words left out, or the model relearns "help"
 * as praise from review data), "!"-prefixed inside negation scope, emoji as themselves.
 * Mentions and URLs are left out: in the training tweets they co-occur with praise, in customer
 * messages they are everywhere (every tweet to an airline starts with its @handle).
 */
export function modelWords(tokens: Token[], from = 0, to = tokens.length): string[] {
  const words: string[] = [];
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    switch (token.kind) {
      case 'word': {
        const word = tokenWordInfo(token).modelWord;
        if (word !== null) words.push(token.negated ? `!${word}` : word);
        break;
      }
      case 'hashtag': {
        const word = wordInfo(token.norm.slice(1)).modelWord;
        if (word !== null) words.push(word);
        break;
      }
      case 'emoji':
      case 'emoticon':
        words.push(token.raw);
        break;
      case 'number':
        words.push(NUMBER_WORD);
        break;
      case 'punct':
        if (token.raw.includes('!')) words.push('!');
        if (token.raw.includes('?')) words.push('?');
        break;
    }
  }
  return words;
}

/** Dense features from the lexicon score; each roughly in -1..1 so one learning rate suits all. */
export function lexiconFeatures(
  score: LexiconScore,
  tokens: Token[],
  from = 0,
  to = tokens.length,
): number[] {
  let question = 0;
  for (let i = from; i < to; i++) if (tokens[i].kind === 'punct' && tokens[i].raw.includes('?')) question = 1;
  return [
    score.normalised * 2,
    squash(score.positive / 4),
    squash(score.negative / 4),
    score.positive === 0 && score.negative === 0 ? 1 : 0,
    score.hasContrast ? score.normalised : 0,
    score.hasNegation ? 1 : 0,
    question,
    question * (score.positive + score.negative === 0 ? 1 : 0),
    // The same three again over the lexicon widened with VADER (SentimentLexicon.vaderWords).
    score.vaderNormalised * 2,
    squash(score.vaderPositive / 4),
    squash(score.vaderNegative / 4),
  ];
}

/** Math.tanh, skipping the call for the usual zero (tanh keeps a zero and its sign). */
function squash(x: number): number {
  return x === 0 ? x : Math.tanh(x);
}
