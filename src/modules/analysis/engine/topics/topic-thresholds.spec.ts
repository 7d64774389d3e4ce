import { TopicClassifier } from './topic-classifier';
import { recalibrate, tuneThresholds } from './topic-thresholds';

describe('recalibrate', () => {
  it('maps the tuned threshold onto 0.5 and keeps the order of probabilities', () => {
    expect(recalibrate(0.3, 0.3)).toBeCloseTo(0.5, 10);
    expect(recalibrate(0.7, 0.5)).toBe(0.7);
    expect(recalibrate(0.35, 0.3)).toBeGreaterThan(0.5);
    expect(recalibrate(0.25, 0.3)).toBeLessThan(0.5);
    expect(recalibrate(0.2, 0.3)).toBeLessThan(recalibrate(0.25, 0.3));
  });
});

describe('tuneThresholds', () => {
  // "rare" is a minority label signalled by one word: an unbalanced binary model under-scores it, so its
  // out-of-fold best threshold lies below 0.5; "tiny" has too few positives to tune and keeps 0.5.
  const examples = Array.from({ length: 200 }, (_, i) => {
    const rare = i % 10 === 0;
    const tiny = i === 7 || i === 77;
    const words = [
      `filler${i % 13}`,
      `noise${i % 7}`,
      ...(rare ? ['zebra'] : []),
      ...(tiny ? ['okapi'] : []),
    ];
    return { words, labels: [...(rare ? ['rare'] : []), ...(tiny ? ['tiny'] : [])] };
  });

  it('lowers the threshold of a rare label, and leaves labels with few positives at 0.5', () => {
    const [rare, tiny] = tuneThresholds(examples, ['rare', 'tiny'], {
      features: { minCount: 1 },
      training: { epochs: 2, learningRate: 0.05 },
      folds: 4,
    });
    expect(rare).toBeLessThan(0.5);
    expect(tiny).toBe(0.5);
  });
});

describe('TopicClassifier thresholds', () => {
  it('tunes multi-label thresholds when there is enough data and keeps them through JSON', () => {
    const examples = Array.from({ length: 120 }, (_, i) => ({
      words: [`filler${i % 11}`, ...(i % 6 === 0 ? ['zebra'] : []), ...(i % 4 === 0 ? ['lion'] : [])],
      ruleKeys: new Set<string>(),
      topics: [...(i % 6 === 0 ? ['stripes'] : []), ...(i % 4 === 0 ? ['mane'] : [])],
    }));
    const classifier = TopicClassifier.train(examples, ['stripes', 'mane'], { features: { minCount: 1 } });
    const json = classifier.toJSON();
    expect(json.mode === 'multi-label' && json.thresholds?.length).toBe(2);
    const copy = TopicClassifier.fromJSON(JSON.parse(JSON.stringify(json)));
    const before = classifier.predict(['zebra'], []);
    const after = copy.predict(['zebra'], []);
    for (const label of ['stripes', 'mane']) expect(after[label]).toBeCloseTo(before[label], 3);
    expect(classifier.predict(['zebra', 'filler3'], []).stripes).toBeGreaterThan(0.5);
    const untuned = TopicClassifier.train(examples, ['stripes', 'mane'], { thresholdFolds: 0 });
    expect(untuned.toJSON()).not.toHaveProperty('thresholds');
  });
});
