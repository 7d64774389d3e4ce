import type { FeatureExtractor } from '../ml/feature-extractor';
import type { Token } from '../text/token';
import { modelWords } from './sentiment-features';
import { wordInfo } from './word-info';

const MAX_CACHED = 100_000;
const SKIPPED = -2;

/**
 * The word numbers of modelWords(tokens) for one model, with each token's number cached by its normalised
 * form: one lookup per word instead of a stem lookup, a string join for negation and a vocabulary lookup.
 */
export class ModelWordIndex {
  private readonly plain = new Map<string, number>();
  private readonly negated = new Map<string, number>();

  constructor(private readonly extractor: FeatureExtractor) {}

  /** Appends the ids of tokens [from, to) to `out`: equal to extractor.wordIdsOf(modelWords(tokens, from, to)). */
  appendIds(tokens: Token[], from: number, to: number, out: number[]): void {
    for (let i = from; i < to; i++) {
      const token = tokens[i];
      if (token.kind !== 'word') {
        for (const word of modelWords(tokens, i, i + 1)) out.push(this.extractor.wordIdOf(word));
        continue;
      }
      const cache = token.negated ? this.negated : this.plain;
      let id = cache.get(token.norm);
      if (id === undefined) {
        const word = wordInfo(token.norm).modelWord;
        id = word === null ? SKIPPED : this.extractor.wordIdOf(token.negated ? `!${word}` : word);
        if (cache.size >= MAX_CACHED) cache.clear();
        cache.set(token.norm, id);
      }
      if (id !== SKIPPED) out.push(id);
    }
  }
}
