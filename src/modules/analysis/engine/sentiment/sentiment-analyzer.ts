import { TextClassifier } from '../ml/text-classifier';
import shippedModel from '../models/sentiment-model.json';
import { splitSentences, type SentenceSpan } from '../text/split-sentences';
import type { Token } from '../text/token';
import { tokenize } from '../text/tokenize-text';
import { scoreLexicon, type LexiconScore } from './lexicon-scorer';
import { holdsBothSides, turnsAtContrast } from './mixed-sentiment';
import { explainModel, termPolarities } from './model-explanation';
import { ModelEntryIds } from './model-entry-ids';
import { ModelWordIndex } from './model-word-index';
import { appendModelWords, prepareDocument, prepareText } from './prepared-document';
import { lexiconFeatures, NUM_LEXICON_FEATURES } from './sentiment-features';
import type {
  SentenceSentiment,
  SentimentClass,
  SentimentExample,
  SentimentModelJson,
  SentimentResult,
  SentimentTrainOptions,
} from './sentiment-types';

export type { SentimentExplanation } from './sentiment-explanation';
export type {
  SentenceSentiment,
  SentimentClass,
  SentimentExample,
  SentimentLabel,
  SentimentModelJson,
  SentimentResult,
  SentimentTrainOptions,
} from './sentiment-types';

const CLASSES: SentimentClass[] = ['negative', 'neutral', 'positive'];

/**
 * Lexicon rules (AFINN-165 + customer-experience terms, widened with VADER's lexicon for the model; negation,
 * intensity, contrast, emoji) feed a logistic regression over word and bigram stems; the regression decides,
 * the rules explain.
 */
export class SentimentAnalyzer {
  private static shipped: SentimentAnalyzer | undefined;
  private readonly classIndex: number[];
  private readonly wordIndex: ModelEntryIds | null;
  private readonly polarity: Float64Array | null;
  /** Class probabilities of the prediction being scored (read at once, so one buffer serves every call). */
  private readonly scratch: Float64Array;
  /** The same after the lexicon prior, in CLASSES order. */
  private readonly adjusted = new Float64Array(CLASSES.length);
  /** Scratch for termsOf, grown to the longest text seen. */
  private terms = new Int32Array(256);
  /** A clause's label and score, for turnsAtContrast: the explanation is not read, so not built. */
  private readonly scoreClause = (tokens: readonly Token[]): SentimentResult =>
    this.scoreTokens(tokens, false);

  private constructor(
    private readonly classifier: TextClassifier,
    readonly trainedOn: string[],
    private readonly lexiconPrior: number,
  ) {
    this.classIndex = CLASSES.map((c) => classifier.classes.indexOf(c));
    // Char n-gram models need the words themselves; the others look words up by cached id.
    this.wordIndex = classifier.extractor.charNgrams
      ? null
      : new ModelEntryIds(classifier.extractor, new ModelWordIndex(classifier.extractor));
    this.polarity = termPolarities(classifier, this.classIndex[0], this.classIndex[2]);
    this.scratch = new Float64Array(classifier.classes.length);
  }

  /** The model shipped in the repository (trained on UCI + VADER gold sets only), loaded once. */
  static default(): SentimentAnalyzer {
    SentimentAnalyzer.shipped ??= SentimentAnalyzer.fromJSON(shippedModel);
    return SentimentAnalyzer.shipped;
  }

  static train(examples: SentimentExample[], options: SentimentTrainOptions = {}): SentimentAnalyzer {
    const prepared = examples.map((e) => {
      const { tokens, words, lexicon } = prepareText(e.text, appendModelWords);
      return { words, extras: lexiconFeatures(lexicon, tokens), label: e.label };
    });
    let classifier = TextClassifier.train(prepared, {
      classes: CLASSES,
      features: {
        bigrams: true,
        charNgrams: options.charNgrams ?? null,
        minCount: options.minCount ?? 2,
        numExtras: NUM_LEXICON_FEATURES,
      },
      training: {
        epochs: options.epochs ?? 10,
        learningRate: options.learningRate ?? 0.2,
        l2: options.l2 ?? 1e-5,
        balanced: options.balanced ?? false,
        sampleWeights: options.sampleWeights,
      },
    });
    if (options.maxTerms !== undefined) classifier = classifier.prune(options.maxTerms);
    return new SentimentAnalyzer(classifier, options.trainedOn ?? [], options.lexiconPrior ?? 0);
  }

  /** Whole-document sentiment plus one result per sentence, with character offsets into `text`. */
  analyse(text: string): { document: SentimentResult; sentences: SentenceSentiment[] } {
    return this.analyseTokens(tokenize(text), splitSentences(text));
  }

  /**
   * analyse() of a text already tokenized and split into sentences (the pipeline shares them between
   * stages); `tokens` must be tokenize(text) and `spans` splitSentences(text).
   */
  analyseTokens(
    tokens: readonly Token[],
    spans: readonly SentenceSpan[],
  ): { document: SentimentResult; sentences: SentenceSentiment[] } {
    const prepared = prepareDocument<string | number>(tokens as Token[], spans, (t, from, to, out) =>
      this.appendWords(t, from, to, out),
    );
    const { sentences: parts } = prepared;
    if (parts.length <= 1) {
      const document = this.score(prepared, 0, tokens.length, prepared.lexicon, 0, prepared.words.length);
      if (this.turns(tokens, 0, tokens.length, prepared.lexicon)) document.label = 'mixed';
      return { document, sentences: parts.map((part) => withSpan(document, part.span)) };
    }
    // The document and each sentence read the same terms: looked up once for all of them.
    const terms = this.wordIndex ? this.termsOf(prepared.words as number[]) : null;
    const document = this.score(
      prepared,
      0,
      tokens.length,
      prepared.lexicon,
      0,
      prepared.words.length,
      terms,
    );
    const sentences = parts.map((part) => {
      const sentence = this.score(
        prepared,
        part.from,
        part.to,
        part.lexicon,
        part.wordFrom,
        part.wordTo,
        terms,
      );
      if (this.turns(tokens, part.from, part.to, part.lexicon)) sentence.label = 'mixed';
      return withSpan(sentence, part.span);
    });
    if (holdsBothSides(sentences)) document.label = 'mixed';
    return { document, sentences };
  }

  /**
   * A sentence with a contrast word that turns from clearly positive to clearly negative or back. Only
   * sentences whose lexicon hits already point both ways are scored clause by clause.
   */
  private turns(tokens: readonly Token[], from: number, to: number, lexicon: LexiconScore): boolean {
    return (
      lexicon.hasContrast &&
      lexicon.vaderPositive > 0 &&
      lexicon.vaderNegative > 0 &&
      turnsAtContrast(tokens, from, to, this.scoreClause)
    );
  }

  /** Sentiment of one clause or context window, without sentence splitting (per-topic sentiment). */
  analyseSpan(text: string): SentimentResult {
    return this.scoreTokens(tokenize(text), true);
  }

  /**
   * analyseSpan(text) for a clause whose tokens the caller has already: `tokens` must equal tokenize(text),
   * negation marks included (a negator before the clause does not reach into it).
   */
  analyseClauseTokens(tokens: readonly Token[]): SentimentResult {
    return this.scoreTokens(tokens, true);
  }

  /** Tokens scored as one span, with or without the explanation. */
  private scoreTokens(tokens: readonly Token[], explain: boolean): SentimentResult {
    const words: (string | number)[] = [];
    this.appendWords(tokens as Token[], 0, tokens.length, words);
    const prepared = { tokens: tokens as Token[], words };
    return this.score(
      prepared,
      0,
      tokens.length,
      scoreLexicon(prepared.tokens),
      0,
      words.length,
      null,
      explain,
    );
  }

  /** The document's three class probabilities in the order negative, neutral, positive. */
  probabilities(text: string): [number, number, number] {
    const { tokens, words, lexicon } = prepareText(text, appendModelWords);
    return this.withLexiconPrior(
      this.classifier.predictProba(words, lexiconFeatures(lexicon, tokens)),
      lexicon,
    );
  }

  toJSON(): SentimentModelJson {
    return {
      format: 'hearken-sentiment/1',
      trainedOn: this.trainedOn,
      lexiconPrior: this.lexiconPrior,
      classifier: this.classifier.toJSON(),
    };
  }

  static fromJSON(json: object): SentimentAnalyzer {
    const model = json as Partial<SentimentModelJson>;
    if (model.format !== 'hearken-sentiment/1' || !model.classifier)
      throw new Error('sentiment model: unknown format');
    return new SentimentAnalyzer(
      TextClassifier.fromJSON(model.classifier),
      model.trainedOn ?? [],
      model.lexiconPrior ?? 0,
    );
  }

  private appendWords(tokens: Token[], from: number, to: number, out: (string | number)[]): void {
    if (this.wordIndex) this.wordIndex.appendIds(tokens, from, to, out as number[]);
    else appendModelWords(tokens, from, to, out as string[]);
  }

  /** The model terms of every word id (FeatureExtractor.termsInto), in a buffer reused from text to text. */
  private termsOf(ids: number[]): Int32Array {
    if (this.terms.length < 2 * ids.length) this.terms = new Int32Array(4 * ids.length);
    this.classifier.extractor.termsInto(ids, this.terms);
    return this.terms;
  }

  /**
   * Scores tokens [from, to), whose model words (or their ids) are words[wordFrom, wordTo); `terms`, when
   * given, holds the words' terms (termsOf(words)).
   */
  private score(
    prepared: { tokens: Token[]; words: (string | number)[] },
    from: number,
    to: number,
    lexicon: LexiconScore,
    wordFrom: number,
    wordTo: number,
    terms: Int32Array | null = null,
    explain = true,
  ): SentimentResult {
    const extras = lexiconFeatures(lexicon, prepared.tokens, from, to);
    const { extractor, model } = this.classifier;
    const vector = terms
      ? extractor.vectorizeTerms(terms, wordFrom, wordTo, extras)
      : this.wordIndex
        ? extractor.vectorizeIds(prepared.words as number[], wordFrom, wordTo, extras)
        : extractor.vectorize((prepared.words as string[]).slice(wordFrom, wordTo), extras);
    model.predictInto(vector, this.scratch);
    const adjusted = this.adjusted;
    this.lexiconPriorInto(this.scratch, lexicon, adjusted);
    const negative = adjusted[0];
    const neutral = adjusted[1];
    const positive = adjusted[2];
    const best = Math.max(negative, neutral, positive);
    const label: SentimentClass = best === positive ? 'positive' : best === negative ? 'negative' : 'neutral';
    if (!explain)
      return { label, score: round(positive - negative), confidence: round(best), explanation: [] };
    // The model's terms go straight onto a copy of the hits: concat cost more than explaining.
    const explanation = explainModel(
      this.classifier.extractor.vocabulary,
      this.polarity,
      vector,
      lexicon.hits.slice(),
    );
    return { label, score: round(positive - negative), confidence: round(best), explanation };
  }

  private withLexiconPrior(probs: ArrayLike<number>, lexicon: LexiconScore): [number, number, number] {
    const adjusted = new Float64Array(3);
    this.lexiconPriorInto(probs, lexicon, adjusted);
    return [adjusted[0], adjusted[1], adjusted[2]];
  }

  /** Negative, neutral and positive probability with the lexicon prior applied, written into `out`. */
  private lexiconPriorInto(probs: ArrayLike<number>, lexicon: LexiconScore, out: Float64Array): void {
    const negative = this.probability(probs, 0);
    const neutral = this.probability(probs, 1);
    const positive = this.probability(probs, 2);
    if (this.lexiconPrior === 0) {
      out[0] = negative;
      out[1] = neutral;
      out[2] = positive;
      return;
    }
    // The widened lexicon's score: on the leave-one-out sets it beat AFINN's alone (tweets 0.855 → 0.863).
    const shift = Math.exp(this.lexiconPrior * lexicon.vaderNormalised);
    const total = negative / shift + neutral + positive * shift;
    out[0] = negative / shift / total;
    out[1] = neutral / total;
    out[2] = (positive * shift) / total;
  }

  private probability(probs: ArrayLike<number>, c: number): number {
    const i = this.classIndex[c];
    return i >= 0 ? probs[i] : 0;
  }
}

function withSpan(result: SentimentResult, span: SentenceSpan): SentenceSentiment {
  return {
    label: result.label,
    score: result.score,
    confidence: result.confidence,
    explanation: result.explanation,
    text: span.text,
    start: span.start,
    end: span.end,
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
