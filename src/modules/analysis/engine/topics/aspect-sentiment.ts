import type { FitOptions } from '../ml/feature-extractor';
import type { SoftmaxTrainOptions } from '../ml/softmax-regression';
import { TextClassifier, type TextClassifierJson } from '../ml/text-classifier';
import type { SentimentAnalyzer, SentimentLabel, SentimentResult } from '../sentiment/sentiment-analyzer';
import { markNegation } from '../text/negation';
import type { Token } from '../text/token';
import { aspectContexts, type TextSpan } from './aspect-context';
import type { PreparedText, TopicEvidence } from './topic-detector';

export interface AspectPolarityExample {
  prepared: PreparedText;
  key: string;
  evidence: readonly TopicEvidence[];
  label: SentimentLabel;
  /** Whole-text sentiment score, -1..1. */
  documentScore: number;
  /** Evidence of the other topics in the text, so clauses are cut only between topics. */
  others?: readonly TopicEvidence[];
}

export interface AspectScoreContext {
  /** Whole-text sentiment score, -1..1 (a polarity-model feature). */
  documentScore?: number;
  /** Sentiments already computed for spans of this text (its sentences), reused instead of rescored. */
  known?: readonly KnownSpanSentiment[];
  /** Evidence of the other topics found in the text. */
  others?: readonly TopicEvidence[];
}

export interface AspectPolarityOptions {
  features?: FitOptions;
  training?: SoftmaxTrainOptions;
}

export type KnownSpanSentiment = SentimentResult & { start: number; end: number };

const NUM_EXTRAS = 4;

/**
 * Sentiment of one topic within a text: the lexicon/model sentiment of the clauses holding its evidence, so
 * "great food, slow service" gives food positive and service negative. A polarity model trained on labelled
 * (text, topic, sentiment) triples can refine it: it sees the clause words (negation-marked), the topic, and
 * the clause and document sentiment scores, and learns how this data's topics are talked about.
 */
export class AspectSentimentScorer {
  constructor(
    private readonly analyzer: SentimentAnalyzer,
    readonly polarity?: TextClassifier,
  ) {}

  static train(
    analyzer: SentimentAnalyzer,
    examples: readonly AspectPolarityExample[],
    options: AspectPolarityOptions = {},
  ): AspectSentimentScorer {
    const base = new AspectSentimentScorer(analyzer);
    const rows = examples.map((e) => {
      const contexts = aspectContexts(e.prepared, e.evidence, e.others);
      const lexical = base.lexical(contexts);
      return {
        words: polarityWords(e.prepared, contexts, e.key),
        extras: extrasOf(lexical, e.documentScore),
        label: e.label,
      };
    });
    const polarity = TextClassifier.train(rows, {
      features: { bigrams: true, charNgrams: null, minCount: 2, ...options.features, numExtras: NUM_EXTRAS },
      training: { epochs: 10, learningRate: 0.1, l2: 1e-5, ...options.training },
    });
    return new AspectSentimentScorer(analyzer, polarity);
  }

  score(
    prepared: PreparedText,
    key: string,
    evidence: readonly TopicEvidence[],
    context: AspectScoreContext = {},
  ): SentimentResult {
    const contexts = aspectContexts(prepared, evidence, context.others);
    const documentScore = context.documentScore ?? 0;
    const known = context.known ?? [];
    const lexical = this.lexical(contexts, known, prepared);
    if (!this.polarity) return lexical;
    const probabilities = this.polarity.predictProba(
      polarityWords(prepared, contexts, key),
      extrasOf(lexical, documentScore),
    );
    let best = 0;
    probabilities.forEach((p, i) => p > probabilities[best] && (best = i));
    const classes = this.polarity.classes;
    const p = (label: string): number => probabilities[classes.indexOf(label)] ?? 0;
    return {
      label: classes[best] as SentimentLabel,
      score: round(p('positive') - p('negative')),
      confidence: round(probabilities[best]),
      explanation: lexical.explanation,
    };
  }

  toJSON(): TextClassifierJson | null {
    return this.polarity?.toJSON() ?? null;
  }

  /** Clause sentiment; clauses that disagree in sign make the topic mixed. */
  private lexical(
    contexts: readonly TextSpan[],
    known: readonly KnownSpanSentiment[] = [],
    prepared?: PreparedText,
  ): SentimentResult {
    if (contexts.length === 1) return this.clauseSentiment(contexts[0], known, prepared);
    const results = contexts.map((c) => this.clauseSentiment(c, known, prepared));
    const positive = results.some((r) => r.label === 'positive');
    const negative = results.some((r) => r.label === 'negative');
    const strongest = results.reduce((a, b) => (Math.abs(b.score) > Math.abs(a.score) ? b : a));
    if (!(positive && negative)) return strongest;
    const score = results.reduce((sum, r) => sum + r.score, 0) / results.length;
    return {
      ...strongest,
      label: 'mixed',
      score: round(score),
      explanation: results.flatMap((r) => r.explanation),
    };
  }

  /** A clause's sentiment: the known one of the same span, else scored from the text's tokens or afresh. */
  private clauseSentiment(
    clause: TextSpan,
    known: readonly KnownSpanSentiment[],
    prepared: PreparedText | undefined,
  ): SentimentResult {
    for (const k of known) if (k.start === clause.start && k.end === clause.end) return k;
    const tokens = prepared && clauseTokens(prepared, clause);
    return tokens ? this.analyzer.analyseClauseTokens(tokens) : this.analyzer.analyseSpan(clause.text);
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The text's tokens inside a clause, equal to tokenize(clause.text) up to offsets, or null when they might
 * not be: a token crosses the clause's edge, or a letter or digit right after it could have changed how its
 * last token was read (an emoticon must not be followed by one). The tokenizer never looks back, so tokens
 * that start and end inside the clause read the same in it. Negation is marked afresh inside the clause.
 */
function clauseTokens(prepared: PreparedText, clause: TextSpan): Token[] | null {
  const { tokens, text } = prepared;
  if (clause.end < text.length) {
    const next = text.codePointAt(clause.end) ?? 0;
    if (next >= 128 ? LETTER_OR_DIGIT.test(String.fromCodePoint(next)) : isAsciiAlnum(next)) return null;
  }
  const inside: Token[] = [];
  for (const token of tokens) {
    if (token.end <= clause.start) continue;
    if (token.start >= clause.end) break;
    if (token.start < clause.start || token.end > clause.end) return null;
    inside.push({ ...token, negated: false });
  }
  markNegation(inside);
  return inside;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Clause words, negated ones marked, plus the topic and topic-specific copies of the words. */
function polarityWords(prepared: PreparedText, contexts: readonly TextSpan[], key: string): string[] {
  const words: string[] = [];
  prepared.tokens.forEach((token, i) => {
    const term = prepared.terms[i];
    if (term === null || !contexts.some((c) => token.start >= c.start && token.end <= c.end)) return;
    words.push(token.negated ? `not_${term}` : term);
  });
  // Topic-specific copies let "small" be bad for portions yet neutral elsewhere.
  const count = words.length;
  for (let i = 0; i < count; i++) words.push(`${key}|${words[i]}`);
  return [`topic=${key}`, ...words];
}

function extrasOf(lexical: SentimentResult, documentScore: number): number[] {
  return [
    lexical.score,
    lexical.label === 'neutral' ? 1 : 0,
    lexical.label === 'mixed' ? 1 : 0,
    documentScore,
  ];
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
