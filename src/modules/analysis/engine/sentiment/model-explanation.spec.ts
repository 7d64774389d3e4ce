import { explainModel } from './model-explanation';

describe('explainModel', () => {
  const vocabulary = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const polarity = Float64Array.from([0.6, -2.0004, 0.1, 2.0001, -0.7, 2, 1.5, -0.49]);

  it('keeps the three strongest terms, ties (after rounding) in the order they came', () => {
    const vector = { indices: [0, 1, 2, 3, 4, 5, 6, 7, 8], values: [] };
    expect(explainModel(vocabulary, polarity, vector)).toEqual([
      { token: 'b', weight: -2, rule: 'model' },
      { token: 'd', weight: 2, rule: 'model' },
      { token: 'f', weight: 2, rule: 'model' },
    ]);
    const reversed = { indices: [8, 7, 6, 5, 4, 3, 2, 1, 0], values: [] };
    expect(explainModel(vocabulary, polarity, reversed).map((e) => e.token)).toEqual(['f', 'd', 'b']);
  });

  it('leaves out weak terms and extras, and explains nothing without polarities', () => {
    expect(explainModel(vocabulary, polarity, { indices: [2, 7, 4, 9], values: [] })).toEqual([
      { token: 'e', weight: -0.7, rule: 'model' },
    ]);
    expect(explainModel(vocabulary, null, { indices: [1], values: [] })).toEqual([]);
  });
});
