import { WordVectors, type WinkEmbeddingsJson } from './word-vectors';

// The wink file's rows carry two more numbers (norm, rank) after the dimensions.
const wink: WinkEmbeddingsJson = {
  dimensions: 2,
  words: ['the', 'late', 'delayed', 'rude'],
  vectors: { the: [1, 1, 1.4, 0], late: [3, 0, 3, 1], delayed: [0, 4, 4, 2], rude: [-1, 0, 1, 3] },
};

describe('WordVectors', () => {
  it('keeps only the dimensions, and only the most frequent words when asked', () => {
    const all = WordVectors.fromWink(wink);
    expect(all.has('rude')).toBe(true);
    expect(all.pool(['rude'])).toEqual([-1, 0]);
    const top = WordVectors.fromWink(wink, 2);
    expect(top.has('late')).toBe(true);
    expect(top.has('delayed')).toBe(false);
  });

  it('pools the known words into a mean scaled to the given norm, skipping unknown words', () => {
    const vectors = WordVectors.fromWink(wink);
    // mean of (3, 0) and (0, 4) is (1.5, 2), norm 2.5
    const mean = vectors.pool(['late', 'unknown', 'delayed'], { scale: 5 });
    expect(mean[0]).toBeCloseTo(3);
    expect(mean[1]).toBeCloseTo(4);
  });

  it('appends the element-wise max, each part scaled on its own', () => {
    const vectors = WordVectors.fromWink(wink);
    const pooled = vectors.pool(['late', 'delayed'], { max: true });
    expect(vectors.featureCount({ max: true })).toBe(4);
    expect(pooled.map((x) => Number(x.toFixed(3)))).toEqual([0.6, 0.8, 0.6, 0.8]);
    // max of (-1, 0) and (1, 1) is (1, 1)
    const [, , x, y] = vectors.pool(['rude', 'the'], { max: true });
    expect(x).toBeCloseTo(Math.SQRT1_2);
    expect(y).toBeCloseTo(Math.SQRT1_2);
  });

  it('gives zeros of the right length when no word is known', () => {
    const vectors = WordVectors.fromWink(wink);
    expect(vectors.pool(['nope'], { max: true })).toEqual([0, 0, 0, 0]);
    expect(vectors.pool([])).toEqual([0, 0]);
  });

  it('weighs frequent words down by their rank when asked', () => {
    const vectors = WordVectors.fromWink(wink);
    // ranks 2 and 3 with k = 2: weights 2/4 and 3/5, so the mean points along (0.5 * 3, 0.6 * 4) = (1.5, 2.4)
    const [x, y] = vectors.pool(['late', 'delayed'], { frequencyRankHalfWeight: 2 });
    expect(y / x).toBeCloseTo(2.4 / 1.5);
    expect(Math.hypot(x, y)).toBeCloseTo(1);
  });
});
