import { LiteralScanner } from '../text/literal-scanner';
import type { PreparedText, TopicEvidence } from './topic-detector';

export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** Where a sentence turns ("the food was great but the service slow"): each side gets its own sentiment. */
const CLAUSE_BREAK =
  /\s*(?:[;:]|,?\s+\b(?:but|however|although|though|whereas|while|yet|except|unlike)\b)\s*/gi;
/** Every CLAUSE_BREAK match holds one of these in some case: a sentence with none has no turn to try. */
const CLAUSE_BREAK_MARKS = new LiteralScanner(
  [';', ':', 'but', 'however', 'although', 'though', 'whereas', 'while', 'yet', 'except', 'unlike'].map(
    (text) => ({ text, mask: 1 }),
  ),
);

/**
 * The clauses that hold a topic's evidence: the text its sentiment is read from. With `others` (the evidence
 * of the other topics found in the text) a sentence is cut only at turns that separate this topic from
 * another one, so a topic alone in its sentence keeps the whole sentence; without it, at every turn.
 */
export function aspectContexts(
  prepared: PreparedText,
  evidence: readonly TopicEvidence[],
  others?: readonly TopicEvidence[],
): TextSpan[] {
  const contexts: TextSpan[] = [];
  for (const e of evidence) {
    const sentence = prepared.sentences.find((s) => e.start >= s.start && e.start < s.end) ?? {
      text: prepared.text,
      start: 0,
      end: prepared.text.length,
    };
    const clause = e.source === 'model' ? sentence : clauseAround(sentence, e.start, e.end, others);
    if (!contexts.some((c) => c.start === clause.start && c.end === clause.end)) contexts.push(clause);
  }
  return contexts;
}

/** The sentence last scanned for turn marks, and whether it has any: a text's topics ask about one in turn. */
let lastScanned: string | null = null;
let lastHasMarks = false;

/** CLAUSE_BREAK_MARKS found in the sentence (two of every three scans were of the sentence scanned last). */
function mayHaveTurn(sentence: string): boolean {
  if (sentence !== lastScanned) {
    lastHasMarks = CLAUSE_BREAK_MARKS.scanLowercased(sentence) !== 0;
    lastScanned = sentence;
  }
  return lastHasMarks;
}

function clauseAround(
  sentence: TextSpan,
  start: number,
  end: number,
  others: readonly TopicEvidence[] | undefined,
): TextSpan {
  // Without another topic's evidence in the sentence no turn separates two topics: the clause is all of it.
  if (others !== undefined && !others.some((o) => isOtherWithin(o, sentence.start, sentence.end, start, end)))
    return sentence;
  if (!mayHaveTurn(sentence.text)) return sentence;
  let from = sentence.start;
  let to = sentence.end;
  const otherIn = (lo: number, hi: number): boolean =>
    others === undefined || others.some((o) => isOtherWithin(o, lo, hi, start, end));
  // exec loop, not matchAll: matchAll clones the regex on every call, on the hot path of every item.
  CLAUSE_BREAK.lastIndex = 0;
  for (let match = CLAUSE_BREAK.exec(sentence.text); match; match = CLAUSE_BREAK.exec(sentence.text)) {
    const breakStart = sentence.start + match.index;
    const breakEnd = breakStart + match[0].length;
    if (breakEnd <= start && otherIn(sentence.start, breakStart)) from = Math.max(from, breakEnd);
    else if (breakStart >= end && otherIn(breakEnd, sentence.end)) {
      to = Math.min(to, breakStart);
      break;
    }
  }
  const text = sentence.text.slice(from - sentence.start, to - sentence.start);
  return text.trim().length > 0 ? { text, start: from, end: to } : sentence;
}

/** Evidence `other` lies within [lo, hi] and apart from the evidence at [start, end). */
function isOtherWithin(other: TopicEvidence, lo: number, hi: number, start: number, end: number): boolean {
  return other.start >= lo && other.end <= hi && (other.end <= start || other.start >= end);
}
