import { stemWord } from '../nlp/porter-stemmer';
import { tokenize } from '../text/tokenize-text';
import type { Token } from '../text/token';
import { EntryMemo } from '../text/word-entry';
import { TopicDefinition } from './topic-definition';

export interface PhraseEvidence {
  /** The matched slice of the original text. */
  text: string;
  start: number;
  end: number;
  /** The taxonomy phrase that matched, as written in the taxonomy. */
  phrase: string;
}

export interface PhraseMatch {
  topicIndex: number;
  evidence: PhraseEvidence[];
}

interface CompiledPhrase {
  owner: number;
  stems: string[];
  phrase: string;
}

/** Short words a multi-word phrase may skip over: "lost luggage" matches "lost my luggage". */
const FILLERS = new Set(
  'my our the a an your his her their its this that of for to all is was been has got be being so just again me us them'
    .split(' ')
    .map(stemWord),
);
const MAX_FILLERS_BETWEEN = 2;

/** A filler word, or an amount: "took minutes" matches "took 40 minutes", "hour delay" "3 hour delay". */
function isFiller(term: string | null): boolean {
  if (term === null) return false;
  const first = term.charCodeAt(0);
  return (first >= 48 && first <= 57) || FILLERS.has(term);
}
/** Enough to explain a topic; a long document must not carry thousands of copies (or cost quadratic time). */
export const MAX_EVIDENCE_PER_TOPIC = 5;

/**
 * Stems a token into the term used for phrase matching; null for tokens phrases never span (punctuation,
 * mentions, URLs). Hashtag bodies count as words so "#lostluggage"-free "#delayed" still matches "delay".
 */
export function termOf(token: Token): string | null {
  if (token.kind === 'word') return token.entry ? stemByEntry.of(token.entry) : stemWord(token.norm);
  if (token.kind === 'number') return token.norm;
  if (token.kind === 'hashtag') return stemWord(token.norm.slice(1));
  if (token.kind === 'punct' && CURRENCY.has(token.raw)) return token.raw;
  return null;
}

/** Stems memoised by the tokenizer's word entry number: an array read instead of a hashed lookup. */
const stemByEntry = new EntryMemo(stemWord);

/** Currency signs are words for topics: "$14" is about price. */
const CURRENCY = new Set(['$', '€', '£', '¥']);

export function termsOf(tokens: readonly Token[]): (string | null)[] {
  return tokens.map(termOf);
}

/**
 * All taxonomy phrases compiled once into an index keyed by the first stem, so matching costs one Map lookup
 * per token plus the few candidate phrases that start with it.
 */
export class PhraseMatcher {
  private readonly phrases = new Map<string, CompiledPhrase[]>();
  private readonly exclusions = new Map<string, CompiledPhrase[]>();
  /** Candidates of a word token found by its tokenizer entry: an array read instead of a Map lookup. */
  private readonly phrasesByEntry = new EntryMemo((norm) => this.phrases.get(stemWord(norm)) ?? null);
  private readonly exclusionsByEntry = new EntryMemo((norm) => this.exclusions.get(stemWord(norm)) ?? null);

  /** By topic index: the topic has exclusion phrases. */
  private readonly hasExclusions: boolean[];

  constructor(private readonly taxonomy: readonly TopicDefinition[]) {
    this.hasExclusions = taxonomy.map((topic) => topic.exclusions.length > 0);
    const compiled: { target: Map<string, CompiledPhrase[]>; owner: number; phrase: string }[] = [];
    taxonomy.forEach((topic, owner) => {
      for (const phrase of topic.phrases) compiled.push({ target: this.phrases, owner, phrase });
      for (const phrase of topic.exclusions) compiled.push({ target: this.exclusions, owner, phrase });
    });
    const stems = phraseStems(compiled.map((c) => c.phrase));
    compiled.forEach((c, i) => index(c.target, c.owner, c.phrase, stems[i]));
  }

  /** Phrase evidence per topic index, minus evidence overlapped by that topic's exclusions. */
  match(tokens: readonly Token[], terms: readonly (string | null)[], text: string): PhraseMatch[] {
    const hits = scan(this.phrases, this.phrasesByEntry, tokens, terms, text);
    // Exclusions only ever remove phrase hits: most texts have none, and then need no exclusion scan.
    if (hits.length === 0) return [];
    const found = new Map<number, PhraseEvidence[]>();
    const blocked = new Map<number, PhraseEvidence[]>();
    // Only the hit topics' exclusions matter: without any, no exclusion scan.
    if (hits.some(([owner]) => this.hasExclusions[owner])) {
      for (const [owner, e] of scan(this.exclusions, this.exclusionsByEntry, tokens, terms, text))
        blocked.set(owner, [...(blocked.get(owner) ?? []), e]);
    }
    for (const [owner, evidence] of hits) {
      if (blocked.get(owner)?.some((b) => b.start < evidence.end && evidence.start < b.end)) continue;
      const list = found.get(owner);
      if (!list) found.set(owner, [evidence]);
      else if (list.length >= MAX_EVIDENCE_PER_TOPIC) continue;
      else if (!list.some((e) => e.start === evidence.start && e.end === evidence.end)) list.push(evidence);
    }
    return [...found].map(([topicIndex, evidence]) => ({ topicIndex, evidence }));
  }

  get size(): number {
    return this.taxonomy.length;
  }
}

/** Between phrases: whitespace ends every token, so each phrase reads as it would alone. */
const PHRASE_SEPARATOR = ' \n ';

/**
 * The terms of each phrase, from one tokenizer pass over all of them joined. Hundreds of separate calls,
 * each meeting only new words, taught the JIT a tokenizer shape that then ran texts at half speed.
 */
export function phraseStems(phrases: readonly string[]): string[][] {
  const stems = phrases.map((): string[] => []);
  const tokens = tokenize(phrases.join(PHRASE_SEPARATOR));
  let phrase = 0;
  let phraseEnd = phrases.length > 0 ? phrases[0].length : 0;
  for (const token of tokens) {
    while (token.start >= phraseEnd) phraseEnd += PHRASE_SEPARATOR.length + phrases[++phrase].length;
    const term = termOf(token);
    if (term !== null) stems[phrase].push(term);
  }
  return stems;
}

function index(target: Map<string, CompiledPhrase[]>, owner: number, phrase: string, stems: string[]): void {
  if (stems.length === 0) return;
  const list = target.get(stems[0]) ?? [];
  list.push({ owner, stems, phrase });
  target.set(stems[0], list);
}

/** `terms` are termsOf(tokens): a word token's term is its entry's stem, so its candidates can come by entry. */
function scan(
  phrases: Map<string, CompiledPhrase[]>,
  byEntry: EntryMemo<CompiledPhrase[] | null>,
  tokens: readonly Token[],
  terms: readonly (string | null)[],
  text: string,
): [number, PhraseEvidence][] {
  const hits: [number, PhraseEvidence][] = [];
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    if (term === null) continue;
    const token = tokens[i];
    const candidates = token.entry && token.kind === 'word' ? byEntry.of(token.entry) : phrases.get(term);
    if (!candidates) continue;
    for (const candidate of candidates) {
      const last = matchFrom(candidate.stems, terms, i);
      if (last < 0) continue;
      const start = tokens[i].start;
      const end = tokens[last].end;
      hits.push([candidate.owner, { text: text.slice(start, end), start, end, phrase: candidate.phrase }]);
    }
  }
  return hits;
}

/** Index of the token that completes the phrase starting at `from`, or -1. */
function matchFrom(stems: readonly string[], terms: readonly (string | null)[], from: number): number {
  let position = from;
  for (let s = 1; s < stems.length; s++) {
    let next = position + 1;
    let skipped = 0;
    while (
      next < terms.length &&
      terms[next] !== stems[s] &&
      skipped < MAX_FILLERS_BETWEEN &&
      isFiller(terms[next])
    ) {
      next++;
      skipped++;
    }
    if (next >= terms.length || terms[next] !== stems[s]) return -1;
    position = next;
  }
  return position;
}
