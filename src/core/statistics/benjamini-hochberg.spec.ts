import { benjaminiHochberg } from './benjamini-hochberg';
import { mulberry32 } from './seeded-random';

describe('benjaminiHochberg', () => {
  it('matches values worked by hand, keeping order and nulls', () => {
    // m = 4 non-null: sorted 0.01, 0.03, 0.04, 0.2 → m·p/rank = 0.04, 0.06, 0.05333, 0.2;
    // running minimum from the largest rank: 0.2, 0.05333, 0.05333, 0.04.
    const q = benjaminiHochberg([0.01, 0.04, null, 0.03, 0.2]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.053333, 6);
    expect(q[2]).toBeNull();
    expect(q[3]).toBeCloseTo(0.053333, 6);
    expect(q[4]).toBeCloseTo(0.2, 12);
  });

  it('caps at 1, keeps ties equal, and answers nothing for nothing', () => {
    expect(benjaminiHochberg([0.9, 0.95, 1])).toEqual([1, 1, 1]);
    expect(benjaminiHochberg([0.02, 0.02])).toEqual([0.02, 0.02]);
    expect(benjaminiHochberg([])).toEqual([]);
    expect(benjaminiHochberg([null])).toEqual([null]);
    expect(() => benjaminiHochberg([1.2])).toThrow(RangeError);
  });

  it('is monotone in the p-values and never below them', () => {
    const random = mulberry32(7);
    const p = Array.from({ length: 200 }, () => random() ** 3);
    const q = benjaminiHochberg(p) as number[];
    const order = p.map((_, i) => i).sort((i, j) => p[i] - p[j]);
    for (let k = 1; k < order.length; k++) expect(q[order[k]]).toBeGreaterThanOrEqual(q[order[k - 1]]);
    p.forEach((value, i) => expect(q[i]).toBeGreaterThanOrEqual(value));
  });

  it('keeps the false discovery rate near or below 5 % when 80 of 100 hypotheses are null', () => {
    const random = mulberry32(8);
    let falseShareSum = 0;
    const runs = 300;
    for (let run = 0; run < runs; run++) {
      // 20 true effects with small p-values, 80 nulls with uniform p-values.
      const p = [
        ...Array.from({ length: 20 }, () => random() * 0.002),
        ...Array.from({ length: 80 }, () => random()),
      ];
      const q = benjaminiHochberg(p) as number[];
      const discoveries = q.filter((value) => value <= 0.05).length;
      const falseOnes = q.slice(20).filter((value) => value <= 0.05).length;
      falseShareSum += discoveries === 0 ? 0 : falseOnes / discoveries;
    }
    // BH guarantees FDR ≤ 0.05 · 80/100 = 0.04 for independent tests.
    expect(falseShareSum / runs).toBeLessThanOrEqual(0.05);
    expect(falseShareSum / runs).toBeGreaterThan(0.01);
  });
});
