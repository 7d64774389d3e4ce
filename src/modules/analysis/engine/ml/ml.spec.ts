import type { SparseVector } from './sparse-vector';
import { FeatureExtractor } from './feature-extractor';
import { OneVsRestClassifier } from './one-vs-rest-classifier';
import { mulberry32, SoftmaxRegression } from './softmax-regression';
import { TextClassifier } from './text-classifier';

describe('SoftmaxRegression', () => {
  it('learns a linearly separable three-class toy problem', () => {
    const random = mulberry32(7);
    const xs: SparseVector[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 300; i++) {
      const y = i % 3;
      // Class c lights feature c strongly plus noise on feature 3.
      xs.push({ indices: [y, 3], values: [1 + random() * 0.2, random()] });
      ys.push(y);
    }
    const model = SoftmaxRegression.train(xs, ys, ['a', 'b', 'c'], 4, { epochs: 10 });
    const correct = xs.filter((x, i) => argmax(model.predictProba(x)) === ys[i]).length;
    expect(correct).toBe(300);
    expect(model.predictProba({ indices: [2], values: [1] })[2]).toBeGreaterThan(0.9);
  });

  it('round-trips through compact JSON with negligible change', () => {
    const xs = [
      { indices: [0], values: [1] },
      { indices: [1], values: [1] },
    ];
    const model = SoftmaxRegression.train(xs, [0, 1], ['neg', 'pos'], 2, { epochs: 20 });
    const copy = SoftmaxRegression.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    for (const x of xs) {
      const [a, b] = [model.predictProba(x), copy.predictProba(x)];
      a.forEach((p, c) => expect(Math.abs(p - b[c])).toBeLessThan(1e-3));
    }
  });
});

describe('FeatureExtractor', () => {
  it('builds unigrams, bigrams and char n-grams above the count floor', () => {
    const fx = FeatureExtractor.fit([['not', 'good'], ['not', 'good'], ['rare']], {
      charNgrams: [3, 3],
      minCount: 2,
    });
    expect(fx.vocabulary).toEqual(expect.arrayContaining(['not', 'good', 'not good', '#<no', '#goo']));
    expect(fx.vocabulary).not.toContain('rare');
    const v = fx.vectorize(['good', 'good', 'unknown']);
    expect(new Set(v.indices).size).toBe(v.indices.length);
    const sumSq = v.values.reduce((s, x) => s + x * x, 0);
    expect(sumSq).toBeCloseTo(1);
  });

  it('vectorizes ranges from terms looked up once exactly as from word ids', () => {
    const docs = [
      ['not', 'good', 'at', 'all'],
      ['not', 'good'],
      ['good', 'at', 'all'],
      ['at', 'all', 'not'],
    ];
    const fx = FeatureExtractor.fit([...docs, ...docs], { minCount: 2 });
    const ids = fx.wordIdsOf(['not', 'good', 'unknown', 'at', 'all', 'not', 'good']);
    const terms = new Int32Array(2 * ids.length);
    fx.termsInto(ids, terms);
    for (const [from, to] of [
      [0, ids.length],
      [0, 2],
      [1, 5],
      [3, 7],
      [4, 4],
    ]) {
      expect(fx.vectorizeTerms(terms, from, to, [0.5])).toEqual(fx.vectorizeIds(ids, from, to, [0.5]));
    }
  });
});

describe('TextClassifier and OneVsRestClassifier', () => {
  const texts: [string, string][] = [
    ['great lovely trip', 'pos'],
    ['lovely great crew', 'pos'],
    ['awful rude staff', 'neg'],
    ['rude awful delay', 'neg'],
  ];
  const examples = [...texts, ...texts, ...texts].map(([t, label]) => ({ words: t.split(' '), label }));

  it('classifies, prunes and survives a JSON round trip', () => {
    const classifier = TextClassifier.train(examples, {
      features: { minCount: 1 },
      training: { epochs: 20 },
    });
    const pruned = TextClassifier.fromJSON(JSON.parse(JSON.stringify(classifier.prune(4).toJSON())));
    expect(pruned.extractor.vocabulary.length).toBe(4);
    const pos = pruned.classes.indexOf('pos');
    expect(pruned.predictProba(['lovely', 'crew'])[pos]).toBeGreaterThan(0.5);
    expect(pruned.predictProba(['rude', 'delay'])[pos]).toBeLessThan(0.5);
  });

  it('gives independent label probabilities', () => {
    const multi = [
      { words: ['late', 'flight'], labels: ['delay'] },
      { words: ['lost', 'bag'], labels: ['baggage'] },
      { words: ['late', 'lost', 'bag'], labels: ['delay', 'baggage'] },
      { words: ['nice', 'seat'], labels: [] },
    ];
    const ovr = OneVsRestClassifier.train([...multi, ...multi, ...multi], {
      features: { minCount: 1, bigrams: false },
      training: { epochs: 30 },
    });
    const copy = OneVsRestClassifier.fromJSON(JSON.parse(JSON.stringify(ovr.toJSON())));
    const both = copy.predict(['late', 'lost']);
    expect(both.delay).toBeGreaterThan(0.5);
    expect(both.baggage).toBeGreaterThan(0.5);
    expect(copy.predict(['nice']).delay).toBeLessThan(0.5);
  });

  it('with naive Bayes scaling, reads unscaled features and survives a JSON round trip', () => {
    const multi = [
      { words: ['late', 'flight'], labels: ['delay'] },
      { words: ['lost', 'bag'], labels: ['baggage'] },
      { words: ['late', 'lost', 'bag'], labels: ['delay', 'baggage'] },
      { words: ['nice', 'seat'], labels: [] },
    ];
    const ovr = OneVsRestClassifier.train([...multi, ...multi, ...multi], {
      features: { minCount: 1, bigrams: false },
      training: { epochs: 30 },
      naiveBayesScaling: true,
    });
    const copy = OneVsRestClassifier.fromJSON(JSON.parse(JSON.stringify(ovr.toJSON())));
    const both = copy.predict(['late', 'lost']);
    expect(both.delay).toBeGreaterThan(0.5);
    expect(both.baggage).toBeGreaterThan(0.5);
    expect(copy.predict(['nice']).delay).toBeLessThan(0.5);
  });
});

describe('SoftmaxRegression.withScaledFeatures', () => {
  it('gives on x what the model gave on x times the scales; extras past the scales keep their weights', () => {
    const xs = [
      { indices: [0, 2], values: [1, 0.5] },
      { indices: [1, 2], values: [1, -0.5] },
    ];
    const model = SoftmaxRegression.train(xs, [0, 1], ['no', 'yes'], 3, { epochs: 20 });
    const folded = model.withScaledFeatures([2, 0.5]);
    const x = { indices: [0, 1, 2], values: [0.3, 0.7, 0.2] };
    const [a, b] = [
      folded.predictProba(x),
      model.predictProba({ indices: x.indices, values: [0.6, 0.35, 0.2] }),
    ];
    a.forEach((p, c) => expect(p).toBeCloseTo(b[c], 12));
  });
});

function argmax(values: number[]): number {
  return values.indexOf(Math.max(...values));
}
