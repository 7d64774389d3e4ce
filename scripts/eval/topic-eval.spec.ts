import { multiLabelFigures, trainTestSplits } from './topic-eval';

describe('multiLabelFigures', () => {
  it('computes micro-F1 over all label decisions and per-class precision/recall', () => {
    const gold = [['food'], ['food', 'service'], ['price'], []];
    const predicted = [['food'], ['food'], ['price', 'food'], ['service']];
    const f = multiLabelFigures(gold, predicted, ['food', 'service', 'price']);
    // tp = 3 (food, food, price), fp = 2 (food, service), fn = 1 (service): micro-F1 = 6 / 9.
    expect(f.microF1).toBeCloseTo(6 / 9, 6);
    expect(f.perClass.food).toMatchObject({ precision: 2 / 3, recall: 1, support: 2 });
    expect(f.perClass.service).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(f.macroF1).toBeCloseTo((0.8 + 0 + 1) / 3, 6);
  });
});

describe('trainTestSplits', () => {
  const rows = Array.from({ length: 500 }, (_, i) => ({ id: `s${i}` }));
  const testIds = new Set(trainTestSplits(rows, 'test')[0].test.map((r) => r.id));

  it('never puts a row of the test part into a dev or cross-validation split', () => {
    for (const split of ['dev', { folds: 5 }] as const) {
      for (const { train, test } of trainTestSplits(rows, split)) {
        expect([...train, ...test].some((r) => testIds.has(r.id))).toBe(false);
      }
    }
  });

  it('cross-validation tests every training row exactly once and never on its own fold', () => {
    const folds = trainTestSplits(rows, { folds: 5 });
    expect(folds).toHaveLength(5);
    const tested = folds.flatMap((f) => f.test.map((r) => r.id)).sort();
    expect(tested).toEqual(
      rows
        .filter((r) => !testIds.has(r.id))
        .map((r) => r.id)
        .sort(),
    );
    for (const { train, test } of folds) {
      const inTrain = new Set(train.map((r) => r.id));
      expect(test.some((r) => inTrain.has(r.id))).toBe(false);
    }
  });
});
