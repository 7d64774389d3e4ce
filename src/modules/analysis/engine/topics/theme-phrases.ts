import { stemWord } from '../nlp/porter-stemmer';
import type { Token } from '../text/token';
import { tokenize } from '../text/tokenize-text';
import { THEME_STOP_WORDS } from './theme-stop-words';

/** Number words say how often or how many, never what: "five" (stars) must not become a theme. */
const NUMBER_WORDS: ReadonlySet<string> = new Set(
  `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
  first second third fourth fifth sixth seventh eighth ninth tenth once twice`.split(/\s+/),
);
/** Before a word, these end a sentence or a clause, so a capital after them says nothing about a name. */
const SENTENCE_BREAKS = new Set(['.', '!', '?', ':', ';', '"', '(', '…', '-', '–', '—']);

export interface PhraseFilter {
  /** Normalised words written with a capital mid-sentence most of the time: names of products, brands, people. */
  properNouns: ReadonlySet<string>;
  /** Normalised words of the items' product names (`details.product`). */
  productWords: ReadonlySet<string>;
}

/** Which words are names, voted over every text read: a capital at a sentence start proves nothing. */
export function buildPhraseFilter(texts: readonly string[], products: readonly string[]): PhraseFilter {
  const votes = new Map<string, number>();
  for (const text of texts) {
    const tokens = tokenize(text);
    tokens.forEach((token, i) => {
      if (token.kind !== 'word' || startsSentence(tokens, i) || token.norm === 'i') return;
      const capital = !token.shouted && /^\p{Lu}/u.test(token.raw);
      votes.set(token.norm, (votes.get(token.norm) ?? 0) + (capital ? 1 : -1));
    });
  }
  const properNouns = new Set([...votes].filter(([, vote]) => vote > 0).map(([word]) => word));
  const productWords = new Set<string>();
  for (const product of products)
    for (const token of tokenize(product)) if (token.kind === 'word') productWords.add(token.norm);
  return { properNouns, productWords };
}

/**
 * Distinct phrases of 1..maxWords words in one text: stemmed key → surface form. A phrase is a run of plain
 * words (a hashtag, mention, number, URL, emoji or punctuation ends it); stop and number words may sit inside
 * but never at either end; a phrase holding a name, or made only of product-name words, is no theme.
 */
export function phrasesOf(text: string, maxWords: number, filter: PhraseFilter): Map<string, string> {
  const tokens = tokenize(text);
  const phrases = new Map<string, string>();
  let run: Token[] = [];
  const flush = () => {
    addRunPhrases(text, run, maxWords, filter, phrases);
    run = [];
  };
  for (const token of tokens) {
    if (token.kind === 'word' && !/\d/.test(token.norm) && !filter.properNouns.has(token.norm))
      run.push(token);
    else flush();
  }
  flush();
  return phrases;
}

function addRunPhrases(
  text: string,
  words: readonly Token[],
  maxWords: number,
  filter: PhraseFilter,
  into: Map<string, string>,
): void {
  const stems = words.map((w) => stemWord(w.norm));
  for (let i = 0; i < words.length; i++) {
    if (!canEdge(words[i].norm)) continue;
    for (let n = 1; n <= maxWords && i + n <= words.length; n++) {
      const last = words[i + n - 1];
      if (!canEdge(last.norm)) continue;
      const span = words.slice(i, i + n);
      if (span.every((w) => filter.productWords.has(w.norm) || THEME_STOP_WORDS.has(w.norm))) continue;
      const key = stems.slice(i, i + n).join(' ');
      if (!into.has(key)) into.set(key, text.slice(words[i].start, last.end).toLowerCase());
    }
  }
}

function canEdge(norm: string): boolean {
  return norm.length >= 2 && !THEME_STOP_WORDS.has(norm) && !NUMBER_WORDS.has(norm);
}

function startsSentence(tokens: readonly Token[], i: number): boolean {
  if (i === 0) return true;
  const previous = tokens[i - 1];
  if (previous.kind === 'punct') return SENTENCE_BREAKS.has(previous.raw);
  return previous.kind !== 'word' && previous.kind !== 'number';
}
