import { markNegation } from '../text/negation';
import type { Token } from '../text/token';
import { lastContrastIndex } from './lexicon-scorer';
import type { SentenceSentiment, SentimentResult } from './sentiment-types';

/** How strongly positive and negative the two sides must be (|score|) for a text to be mixed. */
const MIXED_THRESHOLD = 0.5;

/** A document is mixed when a sentence is, or it holds a clearly positive and a clearly negative sentence. */
export function holdsBothSides(sentences: readonly SentenceSentiment[]): boolean {
  let strongPositive = false;
  let strongNegative = false;
  for (const s of sentences) {
    if (s.label === 'mixed') return true;
    if (s.label === 'positive' && s.score >= MIXED_THRESHOLD) strongPositive = true;
    if (s.label === 'negative' && s.score <= -MIXED_THRESHOLD) strongNegative = true;
  }
  return strongPositive && strongNegative;
}

/**
 * Whether a sentence turns from clearly positive to clearly negative (or back) at its last contrast word:
 * "I love the new dashboard but exports are slow." The sentence score stays the rules' and model's
 * (the clause after "but" weighs more); the label says that it holds both. Each side is scored on its own
 * tokens, negation marked afresh inside it, so a "not" before the turn does not reach past it.
 */
export function turnsAtContrast(
  tokens: readonly Token[],
  from: number,
  to: number,
  scoreClause: (tokens: readonly Token[]) => SentimentResult,
): boolean {
  const turn = lastContrastIndex(tokens, from, to);
  if (turn < 0) return false;
  const before = clause(tokens, from, turn);
  const after = clause(tokens, turn + 1, to);
  if (before === null || after === null) return false;
  const a = scoreClause(before);
  if (Math.abs(a.score) < MIXED_THRESHOLD || a.label === 'neutral') return false;
  const b = scoreClause(after);
  if (Math.abs(b.score) < MIXED_THRESHOLD) return false;
  return (
    (a.label === 'positive' && b.label === 'negative') || (a.label === 'negative' && b.label === 'positive')
  );
}

/** Copies of tokens[from, to) with negation re-marked, or null when the clause holds no word. */
function clause(tokens: readonly Token[], from: number, to: number): Token[] | null {
  let hasWord = false;
  const inside: Token[] = [];
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.kind === 'word') hasWord = true;
    inside.push({ ...token, negated: false });
  }
  if (!hasWord) return null;
  markNegation(inside);
  return inside;
}
