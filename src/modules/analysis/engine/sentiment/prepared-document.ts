import { splitSentences, type SentenceSpan } from '../text/split-sentences';
import type { Token } from '../text/token';
import { tokenize } from '../text/tokenize-text';
import { combineLexiconScores, scoreLexicon, type LexiconScore } from './lexicon-scorer';
import { modelWords } from './sentiment-features';

export interface PreparedSentence {
  span: SentenceSpan;
  from: number;
  to: number;
  /** This sentence's model words are the document's words[wordFrom, wordTo). */
  wordFrom: number;
  wordTo: number;
  lexicon: LexiconScore;
}

export interface PreparedDocument<W> {
  tokens: Token[];
  words: W[];
  lexicon: LexiconScore;
  sentences: PreparedSentence[];
}

export function appendModelWords(tokens: Token[], from: number, to: number, out: string[]): void {
  for (const word of modelWords(tokens, from, to)) out.push(word);
}

/**
 * Tokens, model words and lexicon score of a document, built from its sentences so analyse() scores each
 * token once. Training goes through here too, so a model sees features exactly as analyse() builds them.
 */
export function prepareText<W>(
  text: string,
  appendWords: (tokens: Token[], from: number, to: number, out: W[]) => void,
): PreparedDocument<W> {
  return prepareDocument(tokenize(text), splitSentences(text), appendWords);
}

export function prepareDocument<W>(
  tokens: Token[],
  spans: readonly SentenceSpan[],
  appendWords: (tokens: Token[], from: number, to: number, out: W[]) => void,
): PreparedDocument<W> {
  const words: W[] = [];
  if (spans.length <= 1) {
    appendWords(tokens, 0, tokens.length, words);
    const lexicon = scoreLexicon(tokens);
    const whole = { from: 0, to: tokens.length, wordFrom: 0, wordTo: words.length, lexicon };
    return { tokens, words, lexicon, sentences: spans.map((span) => ({ span, ...whole })) };
  }
  const sentences: PreparedSentence[] = [];
  let cursor = 0;
  for (const span of spans) {
    while (cursor < tokens.length && tokens[cursor].start < span.start) cursor++;
    let end = cursor;
    while (end < tokens.length && tokens[end].end <= span.end) end++;
    const wordFrom = words.length;
    appendWords(tokens, cursor, end, words);
    const lexicon = scoreLexicon(tokens, cursor, end);
    sentences.push({ span, from: cursor, to: end, wordFrom, wordTo: words.length, lexicon });
    cursor = end;
  }
  return { tokens, words, lexicon: combineLexiconScores(sentences.map((s) => s.lexicon)), sentences };
}
