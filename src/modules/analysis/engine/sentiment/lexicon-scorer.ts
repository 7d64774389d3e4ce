import { isNegator } from '../text/negation';
import type { Token } from '../text/token';
import { DIMINISHERS, INTENSIFIERS } from './lexicon-modifiers';
import type { SentimentExplanation } from './sentiment-explanation';
import { SENTIMENT_LEXICON, type SentimentLexicon } from './sentiment-lexicon';
import {
  CONCESSIVE_WORDS,
  CONTRAST_WORDS,
  tokenWordFlags,
  tokenWordInfo,
  wordInfo,
  WordFlag,
  type WordInfo,
} from './word-info';

export interface LexiconScore {
  /** Signed sum of rule-adjusted valences (AFINN scale). */
  sum: number;
  /** Sum squashed to -1..1 the way VADER normalises: x / sqrt(x² + 15). */
  normalised: number;
  positive: number;
  negative: number;
  /** The same rules over the lexicon widened with VADER's words (SentimentLexicon.vaderWords). */
  vaderSum: number;
  vaderNormalised: number;
  vaderPositive: number;
  vaderNegative: number;
  hasContrast: boolean;
  hasNegation: boolean;
  hits: SentimentExplanation[];
}

/** VADER's empirically derived factors (Hutto & Gilbert 2014). */
const NEGATION_FACTOR = -0.74;
const BOOST = 0.293;
const CAPS_BOOST = 0.733;
const EXCLAMATION_BOOST = 0.292;
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
const BOOST_DECAY = [1, 0.95, 0.9];

/**
 * Lexicon scoring with the rules a bag of words misses: negation scope (from the tokenizer), intensifiers
 * and diminishers within three words, shouting, exclamation marks, and contrast ("A but B" weighs B more).
 */
export function scoreLexicon(
  tokens: Token[],
  from = 0,
  to = tokens.length,
  lexicon: SentimentLexicon = SENTIMENT_LEXICON,
): LexiconScore {
  const shoutingText = isAllShouted(tokens, from, to);
  const contrastAt = lastContrastIndex(tokens, from, to);
  const hits: SentimentExplanation[] = [];
  let positive = 0;
  let negative = 0;
  let vaderPositive = 0;
  let vaderNegative = 0;
  let exclamations = 0;
  let hasNegation = false;
  let concessiveUntilPunct = false;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.kind === 'punct') {
      exclamations += countExclamations(token.raw);
      concessiveUntilPunct = false;
      continue;
    }
    // A word's facts are read once here and handed on (an entry lookup each time cost more than the rules);
    // a word without a valence or phrase needs only its flags.
    const flags = token.kind === 'word' ? tokenWordFlags(token) : -1;
    if (flags >= 0 ? (flags & WordFlag.concessive) !== 0 : CONCESSIVE_WORDS.has(token.norm))
      concessiveUntilPunct = true;
    if (token.negated) hasNegation = true;
    if (flags >= 0 && (flags & WordFlag.lexical) === 0) continue;
    const match = lookup(tokens, i, to, lexicon, flags >= 0 ? tokenWordInfo(token) : null);
    if (match === null) continue;
    if (match.value === 0 && match.vader === 0) {
      i += match.length - 1;
      continue;
    }
    // Every rule scales a valence or adds to its size, so one pass adjusts both lexicons' valences.
    const boost = modifierFactor(tokens, i, from);
    const emphasis = token.shouted && !shoutingText ? CAPS_BOOST : 0;
    const negation = token.negated && !match.selfNegating ? NEGATION_FACTOR : 1;
    const clause =
      contrastAt >= 0 && i !== contrastAt
        ? i < contrastAt
          ? BEFORE_CONTRAST
          : AFTER_CONTRAST
        : concessiveUntilPunct
          ? BEFORE_CONTRAST
          : 1;
    const vader = adjust(match.vader, boost, emphasis, negation, clause);
    if (vader > 0) vaderPositive += vader;
    else vaderNegative -= vader;
    if (match.value !== 0) {
      const value = adjust(match.value, boost, emphasis, negation, clause);
      if (value > 0) positive += value;
      else negative -= value;
      const rule =
        clause !== 1
          ? 'contrast'
          : negation !== 1
            ? 'negated'
            : emphasis !== 0
              ? 'emphasis'
              : boost !== 0
                ? boost * match.value * Math.sign(match.value * (1 + boost)) > 0
                  ? 'intensified'
                  : 'diminished'
                : match.rule;
      hits.push({ token: match.text, weight: round(value), rule });
    }
    i += match.length - 1;
  }
  const sum = withExclamations(positive - negative, exclamations);
  const vaderSum = withExclamations(vaderPositive - vaderNegative, exclamations);
  return {
    sum,
    normalised: squash(sum),
    positive,
    negative,
    vaderSum,
    vaderNormalised: squash(vaderSum),
    vaderPositive,
    vaderNegative,
    hasContrast: contrastAt >= 0,
    hasNegation,
    hits,
  };
}

/**
 * A document's score from its sentences' scores: each sentence's rules (contrast, exclamation) stay
 * inside it, and the document sums them, so nothing is looked up twice.
 */
export function combineLexiconScores(parts: LexiconScore[]): LexiconScore {
  let sum = 0;
  let positive = 0;
  let negative = 0;
  let vaderSum = 0;
  let vaderPositive = 0;
  let vaderNegative = 0;
  let hasContrast = false;
  let hasNegation = false;
  const hits: SentimentExplanation[] = [];
  for (const part of parts) {
    sum += part.sum;
    positive += part.positive;
    negative += part.negative;
    vaderSum += part.vaderSum;
    vaderPositive += part.vaderPositive;
    vaderNegative += part.vaderNegative;
    hasContrast ||= part.hasContrast;
    hasNegation ||= part.hasNegation;
    for (const hit of part.hits) hits.push(hit);
  }
  return {
    sum,
    normalised: squash(sum),
    positive,
    negative,
    vaderSum,
    vaderNormalised: squash(vaderSum),
    vaderPositive,
    vaderNegative,
    hasContrast,
    hasNegation,
    hits,
  };
}

/** VADER's normalisation of a sum to -1..1. */
function squash(sum: number): number {
  return sum / Math.sqrt(sum * sum + 15);
}

/** VADER's rule order: intensity modifiers, then shouting, then negation, then the clause's weight. */
function adjust(valence: number, boost: number, emphasis: number, negation: number, clause: number): number {
  if (valence === 0) return 0;
  let value = valence * (1 + boost);
  value += Math.sign(value) * emphasis;
  return value * negation * clause;
}

function withExclamations(sum: number, exclamations: number): number {
  return sum !== 0 && exclamations > 0
    ? sum + Math.sign(sum) * Math.min(exclamations, 4) * EXCLAMATION_BOOST
    : sum;
}

interface LexiconMatch {
  text: string;
  value: number;
  /** The widened lexicon's valence (SentimentLexicon.vaderWords; the same as `value` for phrases and emoji). */
  vader: number;
  length: number;
  rule: string;
  /** Phrases such as "never arrived" already include their negator. */
  selfNegating: boolean;
}

/** `info`: the word facts of tokens[i] when it is a word. */
function lookup(
  tokens: Token[],
  i: number,
  to: number,
  lexicon: SentimentLexicon,
  info: WordInfo | null,
): LexiconMatch | null {
  const token = tokens[i];
  if (token.kind === 'emoji' || token.kind === 'emoticon') {
    const value = lexicon.emoji.get(token.raw) ?? lexicon.emoji.get(stripEmojiModifiers(token.raw));
    return value
      ? { text: token.raw, value, vader: value, length: 1, rule: 'emoji', selfNegating: false }
      : null;
  }
  if (token.kind !== 'word' && token.kind !== 'hashtag') return null;
  const word = token.kind === 'hashtag' ? token.norm.slice(1) : token.norm;
  if (info === null) info = wordInfo(word);
  else if (info.phraseStart) {
    // The longest phrase starting here, walked word by word instead of joining and hashing each prefix.
    let node = phraseTrie(lexicon).get(word);
    let best: PhraseNode | undefined;
    let length = 0;
    for (let n = 2, j = i + 1; node !== undefined && j < to && tokens[j].kind === 'word'; n++, j++) {
      node = node.next?.get(tokens[j].norm);
      if (node?.phrase !== undefined) [best, length] = [node, n];
    }
    if (best) {
      const { phrase, value, selfNegating } = best as Required<PhraseNode>;
      return { text: phrase, value, vader: value, length, rule: 'domain', selfNegating };
    }
  }
  if (info.valence === 0 && info.vader === 0) return null;
  return {
    text: word,
    value: info.valence,
    vader: info.vader,
    length: 1,
    rule: info.domain ? 'domain' : 'lexicon',
    selfNegating: false,
  };
}

/** A lexicon phrase prefix: the phrase it completes (if any) and the words that may follow. */
interface PhraseNode {
  phrase?: string;
  value?: number;
  selfNegating?: boolean;
  next?: Map<string, PhraseNode>;
}

const phraseTries = new WeakMap<SentimentLexicon, Map<string, PhraseNode>>();

/** The lexicon's phrases as a word trie, keyed by first word; built once per lexicon. */
function phraseTrie(lexicon: SentimentLexicon): Map<string, PhraseNode> {
  let roots = phraseTries.get(lexicon);
  if (roots) return roots;
  roots = new Map();
  for (const [phrase, value] of lexicon.phrases) {
    const words = phrase.split(' ');
    let node = roots.get(words[0]) ?? {};
    roots.set(words[0], node);
    for (const word of words.slice(1)) {
      node.next ??= new Map();
      const child: PhraseNode = node.next.get(word) ?? {};
      node.next.set(word, child);
      node = child;
    }
    Object.assign(node, { phrase, value, selfNegating: words.some(isNegator) });
  }
  phraseTries.set(lexicon, roots);
  return roots;
}

/**
 * Intensifiers/diminishers in the three words before, decaying with distance, as a share of the valence
 * (VADER adds ±0.293 × |valence| per modifier).
 */
function modifierFactor(tokens: Token[], i: number, from: number): number {
  let total = 0;
  for (let back = 1; back <= 3 && i - back >= from; back++) {
    const previous = tokens[i - back];
    if (previous.kind === 'punct') break;
    const booster = boosterOf(previous);
    const boost = booster > 0 ? BOOST : booster < 0 ? -BOOST : 0;
    total += boost * BOOST_DECAY[back - 1];
  }
  return total;
}

/** Index of the last contrast word ("but", "however") in tokens[from, to), or -1. */
export function lastContrastIndex(tokens: readonly Token[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const token = tokens[i];
    if (
      token.kind === 'word' &&
      (token.entry ? (tokenWordFlags(token) & WordFlag.contrast) !== 0 : CONTRAST_WORDS.has(token.norm))
    )
      return i;
  }
  return -1;
}

function countExclamations(punct: string): number {
  let count = 0;
  for (let i = 0; i < punct.length; i++) if (punct.charCodeAt(i) === 33) count++;
  return count;
}

function boosterOf(token: Token): number {
  if (token.entry && token.kind === 'word') {
    const flags = tokenWordFlags(token);
    return flags & WordFlag.intensifier ? 1 : flags & WordFlag.diminisher ? -1 : 0;
  }
  return INTENSIFIERS.has(token.norm) ? 1 : DIMINISHERS.has(token.norm) ? -1 : 0;
}

function isAllShouted(tokens: Token[], from: number, to: number): boolean {
  let words = 0;
  for (let i = from; i < to; i++) {
    if (tokens[i].kind !== 'word' || tokens[i].raw.length < 2) continue;
    if (!tokens[i].shouted) return false;
    words++;
  }
  return words > 0;
}

function stripEmojiModifiers(emoji: string): string {
  return emoji.replace(/\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu, '');
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
