import { QUESTION_OPENERS, SIGNAL_RULES, SignalRule, SignalType } from './signal-rules';

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
  for (const type of PHRASE_ONLY) push(signals, type, matchRules(text, SIGNAL_RULES[type], anchored));
  push(signals, 'complaint', sentimentGated(text, sentences, 'complaint', 'negative', anchored));
  push(signals, 'praise', sentimentGated(text, sentences, 'praise', 'positive', anchored));
  push(
    signals,
    'question',
    sentences
      .filter((s) => s.text.includes('?') || QUESTION_OPENERS.test(s.text))
      .map((s) => ({
        text: s.text,
        start: s.start,
        end: s.end,
        rule: s.text.includes('?') ? 'question-mark' : 'question-opener',
      })),
  );
  return signals;
}

function push(signals: Signal[], type: SignalType, evidence: SignalEvidence[]): void {
  if (evidence.length > 0) signals.push({ type, evidence: evidence.slice(0, MAX_EVIDENCE) });
}

function matchRules(
  text: string,
  rules: readonly SignalRule[],
  anchored: ReadonlySet<SignalRule>,
): SignalEvidence[] {
  const evidence: SignalEvidence[] = [];
  for (const rule of rules) {
    if (!anchored.has(rule)) continue;
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

/**
 * A keyword counts only inside a sentence that does not carry the opposite sentiment; a sentence with the
 * wanted sentiment and no keyword still counts as evidence of its own.
 */
function sentimentGated(
  text: string,
  sentences: readonly SignalSentence[],
  type: 'complaint' | 'praise',
  wanted: 'negative' | 'positive',
  anchored: ReadonlySet<SignalRule>,
): SignalEvidence[] {
  const opposite = wanted === 'negative' ? 'positive' : 'negative';
  const evidence = matchRules(text, SIGNAL_RULES[type], anchored).filter(
    (e) => sentenceAt(sentences, e.start)?.label !== opposite,
  );
  for (const sentence of sentences) {
    if (evidence.length >= MAX_EVIDENCE) break;
    if (sentence.label !== wanted) continue;
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
 * One pass of a single regex over all rules' anchors tells which rules can match at all; on most texts only
 * a few of the dozen-odd rule patterns then run. Anchors are tried longest first at each position, so the
 * one found is the longest there, and every shorter anchor found at the same spot is a prefix of it: the
 * rules of those prefixes are credited too.
 */
const ANCHOR_RULES = new Map<string, Set<SignalRule>>();
for (const rule of Object.values(SIGNAL_RULES).flat()) {
  for (const anchor of rule.anchors)
    ANCHOR_RULES.set(anchor, (ANCHOR_RULES.get(anchor) ?? new Set()).add(rule));
}
const RULES_AT = new Map(
  [...ANCHOR_RULES.keys()].map((anchor) => {
    const rules = new Set<SignalRule>();
    for (const [other, owners] of ANCHOR_RULES)
      if (anchor.startsWith(other)) owners.forEach((r) => rules.add(r));
    return [anchor, rules] as const;
  }),
);
const ANCHORS_RE = new RegExp(
  [...ANCHOR_RULES.keys()]
    .sort((a, b) => b.length - a.length)
    .map((anchor) => anchor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

/**
 * Searched in the lowercased text with a case-sensitive regex (much faster than a case-insensitive one):
 * an anchor is ASCII, and lowercasing maps each ASCII letter of a case-insensitive match to the anchor's
 * letter in place, so a text holds an anchor in any case exactly when its lowercase form holds it.
 */
function anchoredRules(text: string): Set<SignalRule> {
  const rules = new Set<SignalRule>();
  const lower = text.toLowerCase();
  ANCHORS_RE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ANCHORS_RE.exec(lower)) !== null) {
    for (const rule of RULES_AT.get(match[0]) ?? []) rules.add(rule);
    // Anchors may overlap ("thank" inside "thanks"): look again from the next character.
    ANCHORS_RE.lastIndex = match.index + 1;
  }
  return rules;
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
