import { markNegation } from '../text/negation';
import type { Token } from '../text/token';
import { lastContrastIndex } from './lexicon-scorer';
import type { SentimentResult } from './sentiment-analyzer';

/** Each side of the turn must be at least this strongly positive or negative (as MIXED_THRESHOLD). */
const MIN_SIDE_STRENGTH = 0.5;

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
  if (Math.abs(a.score) < MIN_SIDE_STRENGTH || a.label === 'neutral') return false;
  const b = scoreClause(after);
  if (Math.abs(b.score) < MIN_SIDE_STRENGTH) return false;
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
