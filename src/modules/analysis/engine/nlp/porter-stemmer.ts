/**
 * The one door to `natural`. Importing the package root pulls in its storage adapters, which call
 * `require('dotenv').config()`: that reads a `.env` from the working directory into process.env and prints a
 * tip on stdout. The Porter stemmer module depends only on a stop-word list and a tokenizer, so requiring it
 * directly keeps both side effects out (proved in porter-stemmer.spec.ts). Never import 'natural' itself.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const porter = require('natural/lib/natural/stemmers/porter_stemmer') as { stem(word: string): string };

const MAX_CACHED = 50_000;
const cache = new Map<string, string>();

/** Porter stem of a lowercase word, memoised because the same few thousand words recur in every text. */
export function stemWord(word: string): string {
  let stem = cache.get(word);
  if (stem === undefined) {
    stem = porter.stem(word);
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(word, stem);
  }
  return stem;
}
