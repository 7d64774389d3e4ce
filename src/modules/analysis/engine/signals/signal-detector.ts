import { LiteralScanner } from '../text/literal-scanner';
import { QUESTION_OPENERS, SIGNAL_RULES, SIGNAL_TYPES, SignalRule, SignalType } from './signal-rules';

export interface SignalEvidence {
  text: string;
  start: number;
  end: number;
  rule: string;
}

export interface Signal {
  type: SignalType;
  evidence: SignalEvidence[];
}

/** The sentence facts signals need; the pipeline passes its sentence sentiments, tests can pass plain spans. */
export interface SignalSentence {
  text: string;
  start: number;
  end: number;
  label: 'positive' | 'neutral' | 'negative' | 'mixed';
  /** -1..1; when given, a sentence counts as complaint or praise on its own only if this is strong enough. */
  score?: number;
}

/** Evidence kept per signal: enough to explain it, bounded for long documents. */
const MAX_EVIDENCE = 5;
/** A sentence is a complaint or praise by its sentiment alone only when clearly so ("cancel it!!!" at +0.03 is not praise). */
const MIN_SENTENCE_STRENGTH = 0.5;

const PHRASE_ONLY: readonly SignalType[] = ['churn_risk', 'urgency', 'suggestion'];

/**
 * Rule-based intent signals. Complaint and praise also depend on the sentence sentiment, so "thanks for
 * nothing" (a negative sentence) is not praise and a plainly negative sentence is a complaint without any
 * keyword.
 */
export function detectSignals(text: string, sentences: readonly SignalSentence[]): Signal[] {
  const signals: Signal[] = [];
  const anchored = anchoredRules(text);
  let suggestions: SignalEvidence[] = [];
  for (const type of PHRASE_ONLY) {
    const evidence = matchRules(text, RULES_WITH_BITS[type], anchored);
    if (type === 'suggestion') suggestions = evidence;
    push(signals, type, evidence);
  }
  const complaints = sentimentGated(text, sentences, 'complaint', 'negative', anchored);
  push(signals, 'complaint', complaints);
  // A sentence that reports a repeated problem is not praise by its sentiment ("Again!" reads well).
  const repeats = complaints.filter((e) => e.rule === 'repeat-issue');
  push(
    signals,
    'praise',
    sentimentGated(text, sentences, 'praise', 'positive', anchored, [...suggestions, ...repeats]),
  );
  push(signals, 'question', questions(sentences));
  return signals;
}

function questions(sentences: readonly SignalSentence[]): SignalEvidence[] {
  const evidence: SignalEvidence[] = [];
  for (const { text, start, end } of sentences) {
    const mark = text.includes('?');
    if (mark || QUESTION_OPENERS.test(text))
      evidence.push({ text, start, end, rule: mark ? 'question-mark' : 'question-opener' });
  }
  return evidence;
}

function push(signals: Signal[], type: SignalType, evidence: SignalEvidence[]): void {
  if (evidence.length > 0) signals.push({ type, evidence: evidence.slice(0, MAX_EVIDENCE) });
}

interface RuleWithBit {
  rule: SignalRule;
  bit: number;
}

/** Evidence of the rules whose bit is set in `anchored` (see anchoredRules). */
function matchRules(text: string, rules: readonly RuleWithBit[], anchored: number): SignalEvidence[] {
  const evidence: SignalEvidence[] = [];
  if (anchored === 0) return evidence;
  for (const { rule, bit } of rules) {
    if ((anchored & bit) === 0) continue;
    rule.pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    // exec on the shared global regex: matchAll would clone it for every text.
    while (evidence.length < MAX_EVIDENCE && (match = rule.pattern.exec(text)) !== null) {
      evidence.push({
        text: match[0],
        start: match.index,
        end: match.index + match[0].length,
        rule: rule.name,
      });
    }
  }
  return evidence;
}

/** "would be great", "it'd be so nice": the praise word describes a wish, not the experience. */
const HYPOTHETICAL_BEFORE = /\b(?:would|could|'d) (?:be|have been|really be)(?: so| very| really)? $/i;

/**
 * A keyword counts only inside a sentence that does not carry the opposite sentiment; a sentence with the
 * wanted sentiment and no keyword still counts as evidence of its own. Sentences holding a suggestion
 * (`skipSentencesWith`) are not praise by their sentiment: "it would be nice if you added…" wishes.
 */
function sentimentGated(
  text: string,
  sentences: readonly SignalSentence[],
  type: 'complaint' | 'praise',
  wanted: 'negative' | 'positive',
  anchored: number,
  skipSentencesWith: readonly SignalEvidence[] = [],
): SignalEvidence[] {
  const opposite = wanted === 'negative' ? 'positive' : 'negative';
  const skip = [...skipSentencesWith];
  const evidence = matchRules(text, RULES_WITH_BITS[type], anchored).filter((e) => {
    // A repeated problem is a complaint even where the words around it read well ("Again!" scores positive).
    if (e.rule === 'repeat-issue') {
      skip.push(e);
      return true;
    }
    if (sentenceAt(sentences, e.start)?.label === opposite) return false;
    if (type !== 'praise' || !HYPOTHETICAL_BEFORE.test(text.slice(Math.max(0, e.start - 24), e.start)))
      return true;
    skip.push(e);
    return false;
  });
  for (const sentence of sentences) {
    if (evidence.length >= MAX_EVIDENCE) break;
    if (sentence.label !== wanted) continue;
    if (skip.some((e) => e.start >= sentence.start && e.start < sentence.end)) continue;
    if (sentence.score !== undefined && Math.abs(sentence.score) < MIN_SENTENCE_STRENGTH) continue;
    if (evidence.some((e) => e.start >= sentence.start && e.start < sentence.end)) continue;
    evidence.push({
      text: sentence.text,
      start: sentence.start,
      end: sentence.end,
      rule: `${wanted}-sentence`,
    });
  }
  return evidence;
}

/**
 * One scan over the text for all rules' anchors tells which rules can match at all; on most texts only a few
 * of the dozen-odd rule patterns then run. A rule is credited when any of its anchors occurs in the text.
 */
const RULE_BITS = new Map<SignalRule, number>(
  Object.values(SIGNAL_RULES)
    .flat()
    .map((rule, i) => [rule, 2 ** i]),
);
if (RULE_BITS.size > 31) throw new Error('signal rules: more than fit in one bit mask');
const ANCHOR_BITS = new Map<string, number>();
for (const [rule, bit] of RULE_BITS)
  for (const anchor of rule.anchors) ANCHOR_BITS.set(anchor, (ANCHOR_BITS.get(anchor) ?? 0) | bit);
const ANCHOR_SCANNER = new LiteralScanner([...ANCHOR_BITS].map(([text, mask]) => ({ text, mask })));
/** The rules of each signal type, with their bits. */
const RULES_WITH_BITS = {} as Record<SignalType, RuleWithBit[]>;
for (const type of SIGNAL_TYPES)
  RULES_WITH_BITS[type] = SIGNAL_RULES[type].map((rule) => ({ rule, bit: RULE_BITS.get(rule) as number }));

/**
 * Searched in the lowercased text: an anchor is ASCII, and lowercasing maps each ASCII letter of a
 * case-insensitive match to the anchor's letter in place, so a text holds an anchor in any case exactly when
 * its lowercase form holds it.
 */
function anchoredRules(text: string): number {
  return ANCHOR_SCANNER.scanLowercased(text);
}

/** Binary search: sentences come in text order. */
function sentenceAt(sentences: readonly SignalSentence[], offset: number): SignalSentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < sentences[mid].start) hi = mid - 1;
    else if (offset >= sentences[mid].end) lo = mid + 1;
    else return sentences[mid];
  }
  return undefined;
}
