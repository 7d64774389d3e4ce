import { GroupValue, mixRateDecomposition } from './mix-rate';
import { mulberry32 } from './seeded-random';

// Baseline: web 60 answers at 0.5, app 40 at 0.2 → shares 0.6/0.4, V_a = 0.30 + 0.08 = 0.38.
// Current: web 30 at 0.6, app 60 at 0.25, store 10 at 0.1 (new) → shares 0.3/0.6/0.1, V_b = 0.18 + 0.15 + 0.01 = 0.34.
const before: GroupValue[] = [
  { group: 'web', weight: 60, value: 0.5 },
  { group: 'app', weight: 40, value: 0.2 },
];
const after: GroupValue[] = [
  { group: 'web', weight: 30, value: 0.6 },
  { group: 'app', weight: 60, value: 0.25 },
  { group: 'store', weight: 10, value: 0.1 },
];

function randomGroups(random: () => number, prefix: string): GroupValue[] {
  return Array.from({ length: 2 + Math.floor(random() * 10) }, (_, i) => ({
    group: `${prefix}${i}`,
    weight: Math.floor(random() * 500),
    value: random() < 0.1 ? null : 200 * random() - 100,
  }));
}

describe('mixRateDecomposition', () => {
  it('matches the example worked by hand', () => {
    // web: mix = −0.3·0.55 = −0.165, rate = 0.1·0.45 = 0.045, total −0.12 (= 0.18 − 0.30)
    // app: mix = 0.2·0.225 = 0.045, rate = 0.05·0.5 = 0.025, total 0.07 (= 0.15 − 0.08)
    // store (new): mix = 0.1·0.1 = 0.01, rate 0; sums: mix −0.11 + rate 0.07 = −0.04 = 0.34 − 0.38.
    const result = mixRateDecomposition(before, after)!;
    expect(result.valueA).toBeCloseTo(0.38, 12);
    expect(result.valueB).toBeCloseTo(0.34, 12);
    const byGroup = Object.fromEntries(result.groups.map((g) => [g.group, g]));
    expect(byGroup.web).toMatchObject({
      mix: expect.closeTo(-0.165, 12),
      rate: expect.closeTo(0.045, 12),
      total: expect.closeTo(-0.12, 12),
    });
    expect(byGroup.app).toMatchObject({
      mix: expect.closeTo(0.045, 12),
      rate: expect.closeTo(0.025, 12),
      total: expect.closeTo(0.07, 12),
    });
    expect(byGroup.store).toMatchObject({
      mix: expect.closeTo(0.01, 12),
      rate: 0,
      valueA: null,
      valueB: 0.1,
      shareA: 0,
    });
    expect(result.total).toEqual({
      mix: expect.closeTo(-0.11, 12),
      rate: expect.closeTo(0.07, 12),
      total: expect.closeTo(-0.04, 12),
    });
  });

  it("centres mix on the overall value with reference 'overall' (V̄ = 0.36), keeping the totals", () => {
    // web: −0.3·(0.55 − 0.36) = −0.057; app: 0.2·(0.225 − 0.36) = −0.027; store: 0.1·(0.1 − 0.36) = −0.026.
    const result = mixRateDecomposition(before, after, { reference: 'overall' })!;
    expect(result.groups.map((g) => g.mix)).toEqual([
      expect.closeTo(-0.057, 12),
      expect.closeTo(-0.027, 12),
      expect.closeTo(-0.026, 12),
    ]);
    expect(result.total.mix).toBeCloseTo(-0.11, 12);
    expect(result.total.total).toBeCloseTo(-0.04, 12);
  });

  it('adds up exactly on random data, including groups that appear, vanish or have no value', () => {
    const random = mulberry32(901);
    for (let run = 0; run < 200; run++) {
      const a = randomGroups(random, random() < 0.5 ? 'g' : 'h');
      const b = randomGroups(random, 'g');
      for (const reference of ['zero', 'overall'] as const) {
        const result = mixRateDecomposition(a, b, { reference });
        if (!result) continue;
        for (const group of result.groups) expect(group.mix + group.rate).toBe(group.total);
        expect(result.total.mix + result.total.rate).toBe(result.total.total);
        expect(Math.abs(result.total.total - (result.valueB - result.valueA))).toBeLessThan(1e-12);
        const sum = result.groups.reduce((total, group) => total + group.total, 0);
        expect(Math.abs(sum - result.total.total)).toBeLessThan(1e-12);
      }
    }
  });

  it('is pure mix when only shares move and pure rate when only values move', () => {
    const shifted = mixRateDecomposition(before, [
      { group: 'web', weight: 20, value: 0.5 },
      { group: 'app', weight: 80, value: 0.2 },
    ])!;
    expect(shifted.total.rate).toBe(0);
    expect(shifted.total.mix).toBeCloseTo(0.26 - 0.38, 12);
    const improved = mixRateDecomposition(before, [
      { group: 'web', weight: 600, value: 0.6 },
      { group: 'app', weight: 400, value: 0.3 },
    ])!;
    expect(improved.total.mix).toBeCloseTo(0, 12);
    expect(improved.total.rate).toBeCloseTo(0.1, 12);
  });

  it('answers null for an empty period and rejects bad input', () => {
    expect(mixRateDecomposition([], after)).toBeNull();
    expect(mixRateDecomposition([{ group: 'web', weight: 0, value: 1 }], after)).toBeNull();
    expect(() => mixRateDecomposition([...before, before[0]], after)).toThrow(RangeError);
    expect(() => mixRateDecomposition([{ group: 'web', weight: -1, value: 1 }], after)).toThrow(RangeError);
  });
});
