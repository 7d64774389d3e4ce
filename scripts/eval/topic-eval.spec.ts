import { multiLabelFigures } from './topic-eval';

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
