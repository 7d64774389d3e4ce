import { contains, coverageRate, drawBinomial } from './coverage-simulation';
import { twoProportionTest, wilsonInterval } from './proportion';

describe('wilsonInterval', () => {
  it('matches values worked by hand', () => {
    // 8/10, z = 1.959964, z²/n = 0.384146: centre = (0.8 + 0.192073) / 1.384146 = 0.716738,
    // half = (1.959964 / 1.384146) · √(0.8·0.2/10 + 3.841459/400) = 1.416009 · 0.160011 = 0.226578.
    const interval = wilsonInterval(8, 10)!;
    expect(interval.low).toBeCloseTo(0.490162, 6);
    expect(interval.high).toBeCloseTo(0.943318, 6);
    // 0/10: centre = 0.192073 / 1.384146 = 0.138766 = half, so [0, 0.277533].
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.277533, 6) });
    expect(wilsonInterval(10, 10)!.low).toBeCloseTo(0.722467, 6);
    expect(wilsonInterval(10, 10)!.high).toBeLessThanOrEqual(1);
  });

  it('widens with the confidence level and is null without data', () => {
    const at90 = wilsonInterval(8, 10, 0.9)!;
    const at99 = wilsonInterval(8, 10, 0.99)!;
    expect(at99.high - at99.low).toBeGreaterThan(at90.high - at90.low);
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it('rejects impossible counts and confidence levels', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 1)).toThrow(RangeError);
  });

  // Wilson's exact coverage oscillates with (n, p) because counts are discrete: computed exactly it averages
  // 0.952 over p at n = 30 but dips to 0.90 at a few p (0.928 at n = 40, p = 0.2). So the simulation checks
  // fixed truths where it is near nominal and the average over truths drawn at random (n 30–300, p 0.05–0.95).
  it.each([
    [100, 0.5],
    [50, 0.3],
  ])('covers the true share 93–97 %% of the time (n = %p, p = %p)', (n, p) => {
    const rate = coverageRate(2000, 101, (random) =>
      contains(wilsonInterval(drawBinomial(random, n, p), n), p),
    );
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });

  it('covers 93–97 % of random truths (n 30–300, p 0.05–0.95)', () => {
    const rate = coverageRate(2000, 102, (random) => {
      const n = 30 + Math.floor(random() * 271);
      const p = 0.05 + 0.9 * random();
      return contains(wilsonInterval(drawBinomial(random, n, p), n), p);
    });
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });
});

describe('twoProportionTest', () => {
  it('matches values worked by hand (difference = current − baseline)', () => {
    // a = 30/100, b = 45/100: difference 0.15; pooled p = 0.375, se = √(0.375·0.625·0.02) = 0.068465,
    // z = 2.190890, p = 2·(1 − Φ(2.190890)) = 0.028460 (the same as a 2×2 χ² test without correction).
    // Newcombe: Wilson a = [0.218990, 0.395925], b = [0.354261, 0.549370]:
    // low = 0.15 − √(0.095739² + 0.095925²) = 0.015852, high = 0.15 + √(0.099370² + 0.081010²) = 0.276831.
    const test = twoProportionTest(30, 100, 45, 100);
    expect(test.difference).toBeCloseTo(0.15, 12);
    expect(test.pValue).toBeCloseTo(0.02846, 5);
    expect(test.ci!.low).toBeCloseTo(0.015852, 5);
    expect(test.ci!.high).toBeCloseTo(0.276831, 5);
  });

  it("reproduces Newcombe's (1998) published example 56/70 vs 48/80: 0.2000 [0.0524, 0.3339]", () => {
    const test = twoProportionTest(48, 80, 56, 70);
    expect(test.difference).toBeCloseTo(0.2, 12);
    expect(test.ci!.low).toBeCloseTo(0.0524, 4);
    expect(test.ci!.high).toBeCloseTo(0.3339, 4);
  });

  it('answers the direction b − a and handles degenerate samples', () => {
    expect(twoProportionTest(45, 100, 30, 100).difference).toBeCloseTo(-0.15, 12);
    expect(twoProportionTest(0, 50, 0, 80)).toEqual({ difference: 0, ci: expect.any(Object), pValue: 1 });
    const empty = twoProportionTest(0, 0, 3, 10);
    expect(empty.difference).toBeNaN();
    expect(empty.ci).toBeNull();
    expect(empty.pValue).toBeNull();
  });

  it('covers the true difference 93–97 % of the time and rejects a true null about 5 % of the time', () => {
    const coverage = coverageRate(1000, 202, (random) => {
      const test = twoProportionTest(drawBinomial(random, 60, 0.3), 60, drawBinomial(random, 90, 0.45), 90);
      return contains(test.ci, 0.15);
    });
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
    const falsePositives = coverageRate(1000, 203, (random) => {
      const test = twoProportionTest(drawBinomial(random, 80, 0.4), 80, drawBinomial(random, 120, 0.4), 120);
      return test.pValue! < 0.05;
    });
    expect(falsePositives).toBeGreaterThan(0.03);
    expect(falsePositives).toBeLessThan(0.07);
  });
});
