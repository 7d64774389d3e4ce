import { logCountRatios, multiClassLogCountRatios, scaled } from './log-count-ratios';
import type { SparseVector } from './sparse-vector';
import { TextClassifier } from './text-classifier';

describe('log-count ratios', () => {
  // Feature 0 marks class 0, feature 1 class 1, feature 2 class 2, feature 3 is everywhere; zeros are absent.
  const xs: SparseVector[] = [
    { indices: [0, 3], values: [0.7, 0.7] },
    { indices: [0, 3, 1], values: [0.7, 0.7, 0] },
    { indices: [1, 3], values: [0.7, 0.7] },
    { indices: [1, 3], values: [0.7, 0.7] },
    { indices: [2, 3], values: [0.7, 0.7] },
    { indices: [2, 3], values: [0.7, 0.7] },
  ];
  const ys = [0, 0, 1, 1, 2, 2];

  it('takes each feature its largest ratio of one class against the rest', () => {
    const scales = multiClassLogCountRatios(xs, ys, 3, 4, undefined);
    for (let f = 0; f < 4; f++) {
      const perClass = [0, 1, 2].map(
        (c) =>
          logCountRatios(
            xs,
            ys.map((y) => (y === c ? 1 : 0)),
            4,
            undefined,
          )[f],
      );
      expect(scales[f]).toBeCloseTo(Math.max(...perClass), 12);
    }
    // A feature of every text tells little; a feature of one class tells much.
    expect(scales[3]).toBeLessThan(scales[0] / 3);
    // Present in 2 of class 0's 4 feature presences (+1 each, 4 features), in 0 of the rest's 8: (3/8) / (1/12).
    expect(scales[0]).toBeCloseTo(Math.log(3 / 8 / (1 / 12)), 12);
  });

  it('scales a vector without changing the original', () => {
    const x = { indices: [0, 3], values: [0.5, 0.5] };
    expect(scaled(x, Float64Array.from([2, 0, 0, 4]))).toEqual({ indices: [0, 3], values: [1, 2] });
    expect(x.values).toEqual([0.5, 0.5]);
  });
});

describe('TextClassifier with naive Bayes scaling', () => {
  const texts: [string, string][] = [
    ['the flight was late again', 'late'],
    ['late flight and no one told us', 'late'],
    ['the bag was lost again', 'bag'],
    ['lost my bag and no one told us', 'bag'],
    ['rude agent on the phone again', 'service'],
    ['the agent was rude and no one helped', 'service'],
  ];
  const examples = [...texts, ...texts, ...texts].map(([t, label]) => ({ words: t.split(' '), label }));
  const options = { features: { minCount: 1, bigrams: false }, training: { epochs: 3, l2: 0.01 } };

  it('learns the telling words faster than the common ones, reading unscaled features', () => {
    const plain = TextClassifier.train(examples, options);
    const nb = TextClassifier.train(examples, { ...options, naiveBayesScaling: true });
    const p = (c: TextClassifier, words: string[], label: string) =>
      c.predictProba(words)[c.classes.indexOf(label)];
    expect(p(nb, ['late'], 'late')).toBeGreaterThan(p(plain, ['late'], 'late'));
    expect(p(nb, ['rude'], 'service')).toBeGreaterThan(0.5);
    // Words of every class ("again", "no one") stay near an even split.
    expect(p(nb, ['again', 'the'], 'late')).toBeLessThan(0.5);
    const copy = TextClassifier.fromJSON(JSON.parse(JSON.stringify(nb.toJSON())));
    expect(p(copy, ['lost', 'bag'], 'bag')).toBeCloseTo(p(nb, ['lost', 'bag'], 'bag'), 3);
  });
});
