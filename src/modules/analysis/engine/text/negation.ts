import type { Token } from './token';

/** Words that flip the polarity of what follows in their clause. */
export const NEGATORS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'nowhere',
  'neither',
  'nor',
  'cannot',
  'without',
  'hardly',
  'barely',
  'scarcely',
  'aint',
  'cant',
  'dont',
  'doesnt',
  'didnt',
  'isnt',
  'wasnt',
  'werent',
  'arent',
  'wont',
  'wouldnt',
  'couldnt',
  'shouldnt',
  'havent',
  'hasnt',
  'hadnt',
  'neednt',
  'nope',
]);

/** Words that end a negation scope early: a new clause begins. */
const SCOPE_BREAKERS: ReadonlySet<string> = new Set([
  'but',
  'however',
  'although',
  'though',
  'yet',
  'and',
  'so',
  'because',
]);

/**
 * A negator reaches this many following words at most (Das & Chen stop at punctuation; VADER looks three
 * words back). Determiner-like negators reach less: "no coincidence it ranked worst", "without clothes is
 * inconvenient" negate their noun, not the verdict after it.
 */
const MAX_SCOPE = 3;
const SHORT_SCOPE = 1;
const SHORT_SCOPE_NEGATORS: ReadonlySet<string> = new Set([
  'no',
  'without',
  'nothing',
  'none',
  'nobody',
  'nowhere',
]);

export function isNegator(norm: string): boolean {
  return NEGATORS.has(norm) || norm.endsWith("n't");
}

export function isScopeBreaker(norm: string): boolean {
  return SCOPE_BREAKERS.has(norm);
}

export function isShortScopeNegator(norm: string): boolean {
  return SHORT_SCOPE_NEGATORS.has(norm);
}

/** How many following words a negator reaches. */
export function negationScope(shortScope: boolean): number {
  return shortScope ? SHORT_SCOPE : MAX_SCOPE;
}

/** Sets `negated` on tokens inside a negator's scope: up to punctuation, a clause word, or MAX_SCOPE words. */
export function markNegation(tokens: Token[]): void {
  let remaining = 0;
  for (const token of tokens) {
    if (token.kind === 'punct' || SCOPE_BREAKERS.has(token.norm)) {
      remaining = 0;
      continue;
    }
    if (token.kind !== 'word' && token.kind !== 'number') continue;
    if (isNegator(token.norm)) {
      remaining = SHORT_SCOPE_NEGATORS.has(token.norm) ? SHORT_SCOPE : MAX_SCOPE;
      continue;
    }
    if (remaining > 0) {
      token.negated = true;
      remaining--;
    }
  }
}
