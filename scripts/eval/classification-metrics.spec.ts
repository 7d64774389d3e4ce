import { classificationMetrics, formatConfusion } from './classification-metrics';

describe('classificationMetrics', () => {
  it('computes accuracy, macro-F1 and the confusion matrix', () => {
    const m = classificationMetrics(
      ['neg', 'pos'],
      ['neg', 'neg', 'pos', 'pos'],
      ['neg', 'pos', 'pos', 'pos'],
    );
    expect(m.accuracy).toBe(0.75);
    expect(m.confusion).toEqual([
      [1, 1],
      [0, 2],
    ]);
    // neg: P=1 R=.5 F1=2/3; pos: P=2/3 R=1 F1=.8
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.8) / 2);
  });

  it('counts predictions outside the label set as errors in an extra column', () => {
    const m = classificationMetrics(['neg', 'pos'], ['neg', 'pos'], ['neutral', 'pos']);
    expect(m.accuracy).toBe(0.5);
    expect(m.confusion[0]).toEqual([0, 0, 1]);
    expect(formatConfusion(m)[0]).toContain('other');
  });
});
