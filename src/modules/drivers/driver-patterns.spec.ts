import { correlationsOf, mulberry32, relativeWeights } from '../../core/statistics';
import { patternCorrelations, patternTable, splitBy } from './driver-patterns';

describe('driver patterns', () => {
  const random = mulberry32(3);
  const p = 4;
  const customers = Array.from({ length: 2_000 }, () => {
    const raised = [0, 1, 2, 3].filter((j) => random() < 0.1 + 0.1 * j);
    const y = Math.round(10 * random() - (raised.includes(1) ? 3 : 0) - (raised.includes(3) ? 1 : 0));
    return { raised, y: Math.max(0, y) };
  });
  const X = customers.map((c) => [0, 1, 2, 3].map((j) => (c.raised.includes(j) ? 1 : 0)));
  const y = customers.map((c) => c.y);
  const table = patternTable(customers, p);

  it('counts each (raised topics, outcome) once and keeps every customer', () => {
    expect(table.y.length).toBeLessThan(customers.length / 5);
    expect(table.count.reduce((a, b) => a + b, 0)).toBe(customers.length);
    expect(table.of.map((i) => table.y[i])).toEqual(y);
  });

  it('gives the correlations, and so the relative weights, of the expanded rows', () => {
    const expected = correlationsOf(X, y)!;
    const actual = patternCorrelations(table)!;
    actual.rxx.forEach((row, j) => row.forEach((r, k) => expect(r).toBeCloseTo(expected.rxx[j][k], 10)));
    actual.rxy.forEach((r, j) => expect(r).toBeCloseTo(expected.rxy[j], 10));
    expect(relativeWeights(X, y)!.shares[1]).toBeGreaterThan(0.5);
  });

  it('weights patterns by the counts given (a bootstrap replicate), a zero count dropping them', () => {
    const counts = table.count.map((c, i) => (table.raised[i].includes(0) ? 0 : c));
    const kept = customers.filter((c) => !c.raised.includes(0));
    const expected = correlationsOf(
      kept.map((c) => [0, 1, 2, 3].map((j) => (c.raised.includes(j) ? 1 : 0))),
      kept.map((c) => c.y),
    )!;
    const actual = patternCorrelations(table, counts)!;
    expect(actual.constant).toEqual([true, false, false, false]);
    expect(actual.rxy[1]).toBeCloseTo(expected.rxy[1], 10);
    expect(patternCorrelations(patternTable([{ raised: [0], y: 1 }], 1))).toBeNull();
  });

  it('splits customers by a topic and a class of the outcome', () => {
    const split = splitBy(table, 1, (v) => (v >= 5 ? 'high' : 'low'));
    const withTopic = customers.filter((c) => c.raised.includes(1));
    expect(split.with.high).toBe(withTopic.filter((c) => c.y >= 5).length);
    expect((split.with.low ?? 0) + split.with.high + (split.without.low ?? 0) + split.without.high).toBe(
      customers.length,
    );
  });
});
