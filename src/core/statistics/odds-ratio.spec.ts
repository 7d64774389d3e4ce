import { logisticRegression } from './logistic-regression';
import { oddsRatioOfTable } from './odds-ratio';

describe('oddsRatioOfTable', () => {
  it('equals a logistic regression on one 0/1 predictor: estimate, interval and p-value', () => {
    const rows: { x: number; y: 0 | 1 }[] = [];
    const add = (x: number, y: 0 | 1, count: number) => {
      for (let i = 0; i < count; i++) rows.push({ x, y });
    };
    add(1, 1, 30);
    add(1, 0, 70);
    add(0, 1, 45);
    add(0, 0, 355);
    const fit = logisticRegression(
      rows.map((r) => [r.x]),
      rows.map((r) => r.y),
    )!.coefficients[0];
    const table = oddsRatioOfTable({ events: 30, others: 70 }, { events: 45, others: 355 })!;
    expect(table.oddsRatio).toBeCloseTo((30 * 355) / (70 * 45), 10);
    expect(table.oddsRatio).toBeCloseTo(fit.oddsRatio, 6);
    expect(table.oddsRatioCi.low).toBeCloseTo(fit.oddsRatioCi.low, 6);
    expect(table.oddsRatioCi.high).toBeCloseTo(fit.oddsRatioCi.high, 6);
    expect(table.pValue).toBeCloseTo(fit.pValue, 8);
  });

  it('is null with an empty cell', () => {
    expect(oddsRatioOfTable({ events: 0, others: 10 }, { events: 5, others: 10 })).toBeNull();
  });
});
