import { isNegator } from '../text/negation';
import type { Token } from '../text/token';
import { DIMINISHERS, INTENSIFIERS } from './customer-experience-lexicon';
import type { SentimentExplanation } from './sentiment-explanation';
import { SENTIMENT_LEXICON, type SentimentLexicon } from './sentiment-lexicon';
import { CONCESSIVE_WORDS, CONTRAST_WORDS, tokenWordInfo, wordInfo } from './word-info';

export interface LexiconScore {
  /** Signed sum of rule-adjusted valences (AFINN scale). */
  sum: number;
  /** Sum squashed to -1..1 the way VADER normalises: x / sqrt(x² + 15). */
  normalised: number;
  positive: number;
  negative: number;
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
  let exclamations = 0;
  let hasNegation = false;
  let concessiveUntilPunct = false;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.kind === 'punct') {
      if (token.raw.includes('!')) exclamations += token.raw.split('!').length - 1;
      concessiveUntilPunct = false;
      continue;
    }
    if (isConcessive(token)) concessiveUntilPunct = true;
    if (token.negated) hasNegation = true;
    const match = lookup(tokens, i, to, lexicon);
    if (match === null) continue;
    if (match.value === 0) {
      i += match.length - 1;
      continue;
    }
    let value = match.value;
    let rule = match.rule;
    const modifier = modifierFactor(tokens, i, from, value);
    if (modifier !== 0) {
      value += modifier;
      rule = modifier * Math.sign(value) > 0 ? 'intensified' : 'diminished';
    }
    if (token.shouted && !shoutingText) {
      value += Math.sign(value) * CAPS_BOOST;
      rule = 'emphasis';
    }
    if (token.negated && !match.selfNegating) {
      value *= NEGATION_FACTOR;
      rule = 'negated';
    }
    if (contrastAt >= 0 && i !== contrastAt) {
      value *= i < contrastAt ? BEFORE_CONTRAST : AFTER_CONTRAST;
      rule = 'contrast';
    } else if (concessiveUntilPunct) {
      value *= BEFORE_CONTRAST;
      rule = 'contrast';
    }
    if (value > 0) positive += value;
    else negative -= value;
    hits.push({ token: match.text, weight: round(value), rule });
    i += match.length - 1;
  }
  let sum = positive - negative;
  if (sum !== 0 && exclamations > 0) sum += Math.sign(sum) * Math.min(exclamations, 4) * EXCLAMATION_BOOST;
  return {
    sum,
    normalised: sum / Math.sqrt(sum * sum + 15),
    positive,
    negative,
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
  let hasContrast = false;
  let hasNegation = false;
  const hits: SentimentExplanation[] = [];
  for (const part of parts) {
    sum += part.sum;
    positive += part.positive;
    negative += part.negative;
    hasContrast ||= part.hasContrast;
    hasNegation ||= part.hasNegation;
    for (const hit of part.hits) hits.push(hit);
  }
  return {
    sum,
    normalised: sum / Math.sqrt(sum * sum + 15),
    positive,
    negative,
    hasContrast,
    hasNegation,
    hits,
  };
}

interface LexiconMatch {
  text: string;
  value: number;
  length: number;
  rule: string;
  /** Phrases such as "never arrived" already include their negator. */
  selfNegating: boolean;
}

function lookup(tokens: Token[], i: number, to: number, lexicon: SentimentLexicon): LexiconMatch | null {
  const token = tokens[i];
  if (token.kind === 'emoji' || token.kind === 'emoticon') {
    const value = lexicon.emoji.get(token.raw) ?? lexicon.emoji.get(stripEmojiModifiers(token.raw));
    return value ? { text: token.raw, value, length: 1, rule: 'emoji', selfNegating: false } : null;
  }
  if (token.kind !== 'word' && token.kind !== 'hashtag') return null;
  const word = token.kind === 'hashtag' ? token.norm.slice(1) : token.norm;
  const info = token.kind === 'word' ? tokenWordInfo(token) : wordInfo(word);
  if (token.kind === 'word' && info.phraseStart) {
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
      return { text: phrase, value, length, rule: 'domain', selfNegating };
    }
  }
  if (info.valence === 0) return null;
  return {
    text: word,
    value: info.valence,
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

/** Additive boost from intensifiers/diminishers in the three words before, decaying with distance. */
function modifierFactor(tokens: Token[], i: number, from: number, value: number): number {
  let total = 0;
  for (let back = 1; back <= 3 && i - back >= from; back++) {
    const previous = tokens[i - back];
    if (previous.kind === 'punct') break;
    const booster = boosterOf(previous);
    const boost = booster > 0 ? BOOST : booster < 0 ? -BOOST : 0;
    total += Math.sign(value) * boost * BOOST_DECAY[back - 1] * Math.abs(value);
  }
  return total;
}

function lastContrastIndex(tokens: Token[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const token = tokens[i];
    if (
      token.kind === 'word' &&
      (token.entry ? tokenWordInfo(token).contrast : CONTRAST_WORDS.has(token.norm))
    )
      return i;
  }
  return -1;
}

/** The word facts are read from the token's entry where it has one (an array read, not a Set lookup). */
function isConcessive(token: Token): boolean {
  return token.entry && token.kind === 'word'
    ? tokenWordInfo(token).concessive
    : CONCESSIVE_WORDS.has(token.norm);
}

function boosterOf(token: Token): number {
  if (token.entry && token.kind === 'word') return tokenWordInfo(token).booster;
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
