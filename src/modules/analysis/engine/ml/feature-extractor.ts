import type { SparseVector } from './sparse-vector';

export interface FeatureExtractorOptions {
  bigrams?: boolean;
  /** Character n-grams of each word (with '<' '>' boundaries), e.g. [3, 5]; catch misspellings and morphology. */
  charNgrams?: [number, number] | null;
  /** Dense features the caller appends after the terms (e.g. lexicon scores), not normalised. */
  numExtras?: number;
}

export interface FitOptions extends FeatureExtractorOptions {
  /** Terms seen in fewer documents are dropped. */
  minCount?: number;
  /** Keep at most this many terms, the most frequent first. */
  maxTerms?: number;
}

export interface FeatureExtractorJson {
  bigrams: boolean;
  charNgrams: [number, number] | null;
  numExtras: number;
  /** Terms joined by '\n': a single string keeps the JSON small and cheap to parse. */
  vocabulary: string;
}

/**
 * Turns word lists into sparse vectors: binary presence of known unigrams, bigrams and char n-grams,
 * L2-normalised so long texts do not dominate, followed by the caller's dense extras.
 */
export class FeatureExtractor {
  readonly bigrams: boolean;
  readonly charNgrams: [number, number] | null;
  readonly numExtras: number;
  private readonly index: Map<string, number>;
  /** Every word that occurs in a known term, numbered, so bigrams are found by number, not by a new string. */
  private readonly wordIds = new Map<string, number>();
  /** Feature index of each word id's unigram, or -1. */
  private readonly unigramOf: Int32Array;
  /**
   * Bigram feature by word-id pair: open addressing over (first, second, feature) triples, so a lookup is a
   * few array reads instead of hashing a key into a Map. Empty slots hold first = -1.
   */
  private readonly bigramSlots: Int32Array;
  private readonly bigramMask: number;
  /** Generation stamps for de-duplicating terms without allocating a Set per call. */
  private readonly seen: Uint32Array;
  private generation = 0;

  constructor(
    readonly vocabulary: string[],
    options: FeatureExtractorOptions = {},
  ) {
    this.bigrams = options.bigrams ?? true;
    this.charNgrams = options.charNgrams ?? null;
    this.numExtras = options.numExtras ?? 0;
    this.index = new Map(vocabulary.map((term, i) => [term, i]));
    this.seen = new Uint32Array(vocabulary.length);
    const unigrams: number[] = [];
    const wordId = (word: string): number => {
      let id = this.wordIds.get(word);
      if (id === undefined) this.wordIds.set(word, (id = this.wordIds.size));
      return id;
    };
    const bigrams: [number, number, number][] = [];
    vocabulary.forEach((term, i) => {
      const space = term.indexOf(' ');
      if (space < 0) unigrams[wordId(term)] = i;
      else bigrams.push([wordId(term.slice(0, space)), wordId(term.slice(space + 1)), i]);
    });
    let slots = 16;
    while (slots < bigrams.length * 2) slots *= 2;
    this.bigramMask = slots - 1;
    this.bigramSlots = new Int32Array(slots * 3).fill(-1);
    for (const [first, second, i] of bigrams) {
      let slot = bigramHash(first, second) & this.bigramMask;
      while (this.bigramSlots[slot * 3] !== -1) slot = (slot + 1) & this.bigramMask;
      this.bigramSlots.set([first, second, i], slot * 3);
    }
    this.unigramOf = new Int32Array(this.wordIds.size).fill(-1);
    unigrams.forEach((feature, id) => (this.unigramOf[id] = feature));
  }

  static fit(docs: string[][], options: FitOptions = {}): FeatureExtractor {
    const probe = new FeatureExtractor([], options);
    const documentFrequency = new Map<string, number>();
    for (const words of docs) {
      for (const term of new Set(probe.terms(words)))
        documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    const minCount = options.minCount ?? 2;
    const vocabulary = [...documentFrequency]
      .filter(([, n]) => n >= minCount)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, options.maxTerms ?? Infinity)
      .map(([term]) => term);
    return new FeatureExtractor(vocabulary, options);
  }

  get numFeatures(): number {
    return this.vocabulary.length + this.numExtras;
  }

  /** Index of the first extra feature. */
  get extrasOffset(): number {
    return this.vocabulary.length;
  }

  termIndex(term: string): number | undefined {
    return this.index.get(term);
  }

  /** Every candidate term of a word list, known or not. */
  terms(words: string[]): string[] {
    const terms = words.slice();
    if (this.bigrams) for (let i = 1; i < words.length; i++) terms.push(`${words[i - 1]} ${words[i]}`);
    if (this.charNgrams) {
      const [min, max] = this.charNgrams;
      for (const word of words) {
        const padded = `<${word}>`;
        for (let n = min; n <= max; n++)
          for (let i = 0; i + n <= padded.length; i++) terms.push(`#${padded.slice(i, i + n)}`);
      }
    }
    return terms;
  }

  vectorize(words: string[], extras: number[] = []): SparseVector {
    if (!this.charNgrams) return this.vectorizeIds(this.wordIdsOf(words), 0, words.length, extras);
    const indices: number[] = [];
    const stamp = this.nextStamp();
    for (const term of this.terms(words)) this.addOnce(this.index.get(term), stamp, indices);
    return this.finish(indices, extras);
  }

  /** Word numbers (-1 when unknown), so a caller can look words up once and vectorize several ranges. */
  wordIdsOf(words: string[]): number[] {
    return words.map((word) => this.wordIds.get(word) ?? -1);
  }

  wordIdOf(word: string): number {
    return this.wordIds.get(word) ?? -1;
  }

  /** Same as vectorize(words.slice(from, to)) for an extractor without char n-grams, from wordIdsOf(words). */
  vectorizeIds(ids: number[], from: number, to: number, extras: number[] = []): SparseVector {
    if (this.charNgrams) throw new Error('feature extractor: char n-grams need vectorize(words)');
    const indices: number[] = [];
    const stamp = this.nextStamp();
    for (let w = from; w < to; w++) {
      const id = ids[w];
      if (id < 0) continue;
      this.addOnce(this.unigramOf[id], stamp, indices);
      const previous = w > from ? ids[w - 1] : -1;
      if (this.bigrams && previous >= 0) this.addOnce(this.bigramFeature(previous, id), stamp, indices);
    }
    return this.finish(indices, extras);
  }

  /**
   * The unigram and bigram feature (-1 for none) of every position of `ids` (from wordIdsOf), as pairs
   * out[2w], out[2w + 1], the bigram being the word with the one before it: a text scored as a whole and by
   * sentence looks each term up once (vectorizeTerms). `out` must hold 2 * ids.length numbers.
   */
  termsInto(ids: readonly number[], out: Int32Array): void {
    let previous = -1;
    for (let w = 0; w < ids.length; w++) {
      const id = ids[w];
      out[2 * w] = id < 0 ? -1 : this.unigramOf[id];
      out[2 * w + 1] = this.bigrams && id >= 0 && previous >= 0 ? this.bigramFeature(previous, id) : -1;
      previous = id;
    }
  }

  /** vectorizeIds(ids, from, to, extras) from termsInto(ids, terms). */
  vectorizeTerms(terms: Int32Array, from: number, to: number, extras: number[] = []): SparseVector {
    const indices: number[] = [];
    const stamp = this.nextStamp();
    for (let w = from; w < to; w++) {
      this.addOnce(terms[2 * w], stamp, indices);
      // A range's first word has no bigram with the word before the range.
      if (w > from) this.addOnce(terms[2 * w + 1], stamp, indices);
    }
    return this.finish(indices, extras);
  }

  /** Feature index of the bigram (first, second), or -1. */
  private bigramFeature(first: number, second: number): number {
    const slots = this.bigramSlots;
    for (let slot = bigramHash(first, second) & this.bigramMask; ; slot = (slot + 1) & this.bigramMask) {
      const at = slot * 3;
      if (slots[at] === -1) return -1;
      if (slots[at] === first && slots[at + 1] === second) return slots[at + 2];
    }
  }

  private nextStamp(): number {
    return (this.generation = (this.generation + 1) >>> 0 || 1);
  }

  private addOnce(i: number | undefined, stamp: number, indices: number[]): void {
    if (i !== undefined && i >= 0 && this.seen[i] !== stamp) {
      this.seen[i] = stamp;
      indices.push(i);
    }
  }

  /** L2-normalises the binary term part and appends the non-zero extras. */
  private finish(indices: number[], extras: number[]): SparseVector {
    const norm = indices.length > 0 ? 1 / Math.sqrt(indices.length) : 0;
    const values: number[] = [];
    for (let i = 0; i < indices.length; i++) values.push(norm);
    for (let e = 0; e < this.numExtras; e++) {
      if (extras[e]) {
        indices.push(this.vocabulary.length + e);
        values.push(extras[e]);
      }
    }
    return { indices, values };
  }

  /** An extractor over the kept term indices only (extras are always kept). */
  select(keepTerms: number[]): FeatureExtractor {
    return new FeatureExtractor(
      keepTerms.map((i) => this.vocabulary[i]),
      this,
    );
  }

  toJSON(): FeatureExtractorJson {
    return {
      bigrams: this.bigrams,
      charNgrams: this.charNgrams,
      numExtras: this.numExtras,
      vocabulary: this.vocabulary.join('\n'),
    };
  }

  static fromJSON(json: FeatureExtractorJson): FeatureExtractor {
    return new FeatureExtractor(json.vocabulary === '' ? [] : json.vocabulary.split('\n'), json);
  }
}

function bigramHash(first: number, second: number): number {
  const h = Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b);
  return (h ^ (h >>> 15)) >>> 0;
}
