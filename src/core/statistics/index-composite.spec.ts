import { contains, coverageRate, drawBinomial, drawMultinomial } from './coverage-simulation';
import {
  compositeChangeTest,
  meanComponent,
  netScoreComponent,
  rescale,
  rescaleInterval,
  shareComponent,
  weightedComposite,
} from './index-composite';
import { normalFrom } from './seeded-random';

describe('rescale', () => {
  it('maps a range onto 0..100 and clamps', () => {
    expect(rescale(40, -100, 100)).toBe(70);
    expect(rescale(-0.2, -1, 1)).toBeCloseTo(40, 12);
    expect(rescale(2, 0, 1)).toBe(100);
    expect(rescaleInterval({ low: -1.5, high: 0 }, -1, 1)).toEqual({ low: 0, high: 50 });
    expect(() => rescale(1, 1, 1)).toThrow(RangeError);
  });
});

describe('index components', () => {
  it('match values worked by hand', () => {
    // CSAT 70 of 100: value 70; p̃ = 72/104 = 0.692308, se = 100·√(p̃(1 − p̃)/104) = 4.525757.
    expect(shareComponent(70, 100, 1)).toEqual({
      value: 70,
      standardError: expect.closeTo(4.525757, 6),
      weight: 1,
    });
    // NPS 50/30/20: 50·(1 + 0.3) = 65; se = 50·√((0.7 − 0.09)/100) = 3.905125.
    const nps = netScoreComponent({ promoters: 50, passives: 30, detractors: 20 }, 1);
    expect(nps).toEqual({ value: 65, standardError: expect.closeTo(3.905125, 6), weight: 1 });
    // Sentiment 0.2, 0.4, 0.6, −0.2, 0.5: mean 0.3 → 65; s² = (0.85 − 0.45)/4 = 0.1; se = 100·√(0.1/5)/2 = 7.071068.
    const sentiment = meanComponent({ n: 5, sum: 1.5, sumOfSquares: 0.85 }, -1, 1, 1);
    expect(sentiment).toEqual({
      value: expect.closeTo(65, 12),
      standardError: expect.closeTo(7.071068, 6),
      weight: 1,
    });
  });

  it('say when there is no data or no error estimate', () => {
    expect(shareComponent(0, 0, 1).value).toBeNull();
    expect(shareComponent(0, 10, 1).standardError).toBeGreaterThan(0);
    expect(netScoreComponent({ promoters: 0, passives: 0, detractors: 0 }, 1).value).toBeNull();
    expect(meanComponent({ n: 1, sum: 0.4, sumOfSquares: 0.16 }, -1, 1, 1)).toEqual({
      value: 70,
      standardError: null,
      weight: 1,
    });
  });
});

describe('weightedComposite', () => {
  const csat = shareComponent(70, 100, 0.5);
  const nps = netScoreComponent({ promoters: 50, passives: 30, detractors: 20 }, 0.3);
  const sentiment = meanComponent({ n: 5, sum: 1.5, sumOfSquares: 0.85 }, -1, 1, 0.2);

  it('matches values worked by hand', () => {
    // 0.5·70 + 0.3·65 + 0.2·65 = 67.5; se = √((0.5·4.525757)² + (0.3·3.905125)² + (0.2·7.071068)²) = 2.914296;
    // 67.5 ± 1.959964·2.914296 = [61.788086, 73.211914].
    const index = weightedComposite([csat, nps, sentiment])!;
    expect(index.value).toBeCloseTo(67.5, 12);
    expect(index.standardError).toBeCloseTo(2.914296, 6);
    expect(index.ci!.low).toBeCloseTo(61.788086, 5);
    expect(index.ci!.high).toBeCloseTo(73.211914, 5);
    expect(index.weights).toEqual([0.5, 0.3, 0.2].map((w) => expect.closeTo(w, 12)));
  });

  it('renormalises the weights over the components that have data', () => {
    // Without NPS: weights 0.5/0.7 and 0.2/0.7; value (35 + 13)/0.7 = 68.571429; se 3.812070.
    const index = weightedComposite([csat, { ...nps, value: null, standardError: null }, sentiment])!;
    expect(index.value).toBeCloseTo(68.571429, 6);
    expect(index.standardError).toBeCloseTo(3.81207, 5);
    expect(index.weights[1]).toBe(0);
    expect(weightedComposite([{ value: null, standardError: null, weight: 1 }])).toBeNull();
    expect(weightedComposite([csat, { value: 50, standardError: null, weight: 1 }])!.ci).toBeNull();
  });

  it('rejects negative weights and weights that sum to zero', () => {
    expect(() => weightedComposite([{ ...csat, weight: -1 }, nps])).toThrow(RangeError);
    expect(() => weightedComposite([{ ...csat, weight: 0 }])).toThrow(RangeError);
  });

  // A satisfaction-like index: 0.3 NPS (n 150), 0.3 CSAT top-box (n 120), 0.2 low-effort share (n 80),
  // 0.2 mean sentiment on −1..1 (n 300), each from its own sample.
  const truth = 0.3 * 50 * (1 + 0.45 - 0.2) + 0.3 * 70 + 0.2 * 60 + 0.2 * rescale(0.15, -1, 1);
  function draw(random: () => number, shift = 0) {
    const [p, d, passive] = drawMultinomial(random, 150, [0.45 + shift, 0.2, 0.35 - shift]);
    let sum = 0;
    let sumOfSquares = 0;
    for (let i = 0; i < 300; i++) {
      const value = 0.15 + 0.4 * normalFrom(random);
      sum += value;
      sumOfSquares += value * value;
    }
    return weightedComposite([
      netScoreComponent({ promoters: p, passives: passive, detractors: d }, 0.3),
      shareComponent(drawBinomial(random, 120, 0.7), 120, 0.3),
      shareComponent(drawBinomial(random, 80, 0.6), 80, 0.2),
      meanComponent({ n: 300, sum, sumOfSquares }, -1, 1, 0.2),
    ])!;
  }

  it('covers the true index 93–97 % of the time', () => {
    const rate = coverageRate(1000, 1001, (random) => contains(draw(random).ci, truth));
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });

  it('gives a change test that covers the true change and rejects a true null about 5 % of the time', () => {
    // Shifting 0.1 of the answers from passive to promoter raises the index by 0.3·50·0.1 = 1.5 points.
    const coverage = coverageRate(1000, 1002, (random) =>
      contains(compositeChangeTest(draw(random), draw(random, 0.1)).ci, 1.5),
    );
    expect(coverage).toBeGreaterThanOrEqual(0.93);
    expect(coverage).toBeLessThanOrEqual(0.97);
    const falsePositives = coverageRate(
      1000,
      1003,
      (random) => compositeChangeTest(draw(random), draw(random)).pValue! < 0.05,
    );
    expect(falsePositives).toBeGreaterThan(0.02);
    expect(falsePositives).toBeLessThan(0.07);
  });
});
