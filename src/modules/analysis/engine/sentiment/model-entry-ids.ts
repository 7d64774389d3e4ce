import type { FeatureExtractor } from '../ml/feature-extractor';
import type { Token } from '../text/token';
import { EntryMemo } from '../text/word-entry';
import type { ModelWordIndex } from './model-word-index';
import { NUMBER_WORD } from './sentiment-features';
import { wordInfo } from './word-info';

const SKIPPED = -2;

/**
 * ModelWordIndex keyed by the tokenizer's word entries instead of by the word: each word token's model id is
 * an array read. Tokens without an entry (other kinds, hand-built tokens) go through the word index.
 */
export class ModelEntryIds {
  private readonly plain: EntryMemo<number>;
  private readonly negated: EntryMemo<number>;
  private readonly exclamation: number;
  private readonly question: number;
  private readonly number: number;

  constructor(
    extractor: FeatureExtractor,
    private readonly fallback: ModelWordIndex,
  ) {
    const idOf = (prefix: string) => (norm: string) => {
      const word = wordInfo(norm).modelWord;
      return word === null ? SKIPPED : extractor.wordIdOf(prefix + word);
    };
    this.plain = new EntryMemo(idOf(''));
    this.negated = new EntryMemo(idOf('!'));
    this.exclamation = extractor.wordIdOf('!');
    this.question = extractor.wordIdOf('?');
    this.number = extractor.wordIdOf(NUMBER_WORD);
  }

  /** Same ids as ModelWordIndex.appendIds. */
  appendIds(tokens: readonly Token[], from: number, to: number, out: number[]): void {
    for (let i = from; i < to; i++) {
      const token = tokens[i];
      if (token.entry && token.kind === 'word') {
        const id = (token.negated ? this.negated : this.plain).of(token.entry);
        if (id !== SKIPPED) out.push(id);
      } else if (token.kind === 'punct') {
        if (token.raw.includes('!')) out.push(this.exclamation);
        if (token.raw.includes('?')) out.push(this.question);
      } else if (token.kind === 'number') out.push(this.number);
      // Mentions and URLs have no model word (see modelWords).
      else if (token.kind !== 'mention' && token.kind !== 'url')
        this.fallback.appendIds(tokens as Token[], i, i + 1, out);
    }
  }
}
