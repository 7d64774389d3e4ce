import { contains, coverageRate, drawMultinomial } from './coverage-simulation';
import { npsDifferenceTest, npsInterval, npsScore } from './nps';

describe('npsScore', () => {
  it('is 100 · (promoters − detractors) / n and null without answers', () => {
    expect(npsScore(6, 2, 2)).toBe(40);
    expect(npsScore(0, 0, 5)).toBe(-100);
    expect(npsScore(1, 1, 1)).toBe(0);
    expect(npsScore(0, 0, 0)).toBeNull();
    expect(() => npsScore(-1, 0, 0)).toThrow(RangeError);
  });
});

describe('npsInterval', () => {
  it('matches values worked by hand', () => {
    // 6 / 2 / 2 of 10: NPS 40; var = 0.6 + 0.2 − 0.4² = 0.64; se = 100 · √(0.64/10) = 25.2982;
    // half = 1.959964 · 25.2982 = 49.5836, so [−9.5836, 89.5836].
    const interval = npsInterval(6, 2, 2)!;
    expect(interval.low).toBeCloseTo(-9.5836, 4);
    expect(interval.high).toBeCloseTo(89.5836, 4);
  });

  it('is clamped to −100..100, a point when all answers agree, null without answers', () => {
    const nearTop = npsInterval(9, 0, 1)!; // NPS 80, var = 1 − 0.64 = 0.36, half = 37.19
    expect(nearTop.high).toBe(100);
    expect(nearTop.low).toBeCloseTo(80 - 1.959964 * 100 * Math.sqrt(0.036), 4);
    expect(npsInterval(5, 0, 0)).toEqual({ low: 100, high: 100 });
    expect(npsInterval(0, 0, 0)).toBeNull();
  });

  it.each([
    [200, 0.5, 0.2],
    [60, 0.4, 0.3],
    [400, 0.2, 0.45],
  ])('covers the true NPS 93–97 %% of the time (n = %p, p+ = %p, p− = %p)', (n, promoters, detractors) => {
    const truth = 100 * (promoters - detractors);
    const rate = coverageRate(1000, 301, (random) => {
      const [p, d, passive] = drawMultinomial(random, n, [promoters, detractors, 1 - promoters - detractors]);
      return contains(npsInterval(p, passive, d), truth);
    });
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });
});

describe('npsDifferenceTest', () => {
  it('matches values worked by hand (difference = NPS(b) − NPS(a))', () => {
    // a = 50/30/20 (NPS 30, var 0.7 − 0.09 = 0.61), b = 40/30/30 (NPS 10, var 0.7 − 0.01 = 0.69):
    // difference −20, se = 100 · √(0.0061 + 0.0069) = 11.40175, ci = −20 ± 22.34703 = [−42.34703, 2.34703].
    // Pooled p+ 0.45, p− 0.25: var 0.66, se0 = 100 · √(0.66 · 0.02) = 11.48913, z = −1.740777, p = 0.081723.
    const test = npsDifferenceTest(
      { promoters: 50, passives: 30, detractors: 20 },
      { promoters: 40, passives: 30, detractors: 30 },
    );
    expect(test.difference).toBeCloseTo(-20, 10);
    expect(test.ci!.low).toBeCloseTo(-42.34703, 4);
    expect(test.ci!.high).toBeCloseTo(2.34703, 4);
    expect(test.pValue).toBeCloseTo(0.081723, 5);
  });

  it('handles empty and degenerate periods', () => {
    const empty = npsDifferenceTest(
      { promoters: 0, passives: 0, detractors: 0 },
      { promoters: 1, passives: 0, detractors: 0 },
    );
    expect(empty).toEqual({ difference: NaN, ci: null, pValue: null });
    const same = npsDifferenceTest(
      { promoters: 4, passives: 0, detractors: 0 },
      { promoters: 9, passives: 0, detractors: 0 },
    );
    expect(same).toEqual({ difference: 0, ci: { low: 0, high: 0 }, pValue: 1 });
    const opposite = npsDifferenceTest(
      { promoters: 10, passives: 0, detractors: 0 },
      { promoters: 0, passives: 0, detractors: 10 },
    );
    expect(opposite.difference).toBe(-200);
    // Pooled p+ = p− = 0.5: var 1, se0 = 100 · √0.2 = 44.7214, z = −4.472136, p = 7.744e-6.
    expect(opposite.pValue!).toBeCloseTo(7.744e-6, 8);
  });

  it('covers the true change 93–97 % of the time and rejects a true null about 5 % of the time', () => {
    const coverage = coverageRate(1000, 311, (random) => {
      const [pa, da, ra] = drawMultinomial(random, 150, [0.45, 0.25, 0.3]);
      const [pb, db, rb] = drawMultinomial(random, 220, [0.35, 0.3, 0.35]);
      const test = npsDifferenceTest(
        { promoters: pa, passives: ra, detractors: da },
        { promoters: pb, passives: rb, detractors: db },
      );
      return contains(test.ci, 5 - 20);
    });
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
    const falsePositives = coverageRate(1000, 312, (random) => {
      const [pa, da, ra] = drawMultinomial(random, 120, [0.4, 0.2, 0.4]);
      const [pb, db, rb] = drawMultinomial(random, 90, [0.4, 0.2, 0.4]);
      const test = npsDifferenceTest(
        { promoters: pa, passives: ra, detractors: da },
        { promoters: pb, passives: rb, detractors: db },
      );
      return test.pValue! < 0.05;
    });
    expect(falsePositives).toBeGreaterThan(0.03);
    expect(falsePositives).toBeLessThan(0.07);
  });
});
