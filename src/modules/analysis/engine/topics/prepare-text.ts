import { splitSentences, TextFacts } from '../text/split-sentences';
import { tokenize } from '../text/tokenize-text';
import { termsOf } from './phrase-matcher';
import type { PreparedText } from './topic-detector';

/** Tokenizes, stems and sentence-splits once; every stage of the pipeline reads the result. */
export function prepareText(text: string): PreparedText {
  const tokens = tokenize(text);
  const facts: TextFacts = { printableAscii: true };
  const sentences = splitSentences(text, facts);
  return { text, tokens, terms: termsOf(tokens), sentences, printableAscii: facts.printableAscii };
}
