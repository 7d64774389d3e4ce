import { contains, coverageRate, drawMultinomial } from './coverage-simulation';
import { npsDriverImpact } from './driver-impact';
import { npsScore } from './nps';

describe('npsDriverImpact', () => {
  it('matches a case worked by hand', () => {
    // Topic: 10/20/70 of 100 (NPS −60); rest: 200/100/100 of 400 (NPS 25); reach 100/500 = 0.2.
    // Overall NPS = (10 + 200 − 70 − 100)/500 = 8; if the topic's customers scored 25 like the rest, NPS = 25:
    // impact = 0.2·(25 − (−60)) = 17.
    // se of the difference: var_t = 0.8 − 0.36 = 0.44, var_r = 0.75 − 0.0625 = 0.6875;
    // 100·√(0.44/100 + 0.6875/400) = 7.822244; ci = 0.2·(85 ± 1.959964·7.822244) = [13.9337, 20.0663].
    const topic = { promoters: 10, passives: 20, detractors: 70 };
    const rest = { promoters: 200, passives: 100, detractors: 100 };
    const result = npsDriverImpact(topic, rest)!;
    expect(result.reach).toBeCloseTo(0.2, 12);
    expect(result.impact).toBeCloseTo(17, 10);
    expect(npsScore(210, 120, 170)! + result.impact).toBeCloseTo(npsScore(250, 125, 125)!, 10);
    expect(result.ci!.low).toBeCloseTo(13.9337, 4);
    expect(result.ci!.high).toBeCloseTo(20.0663, 4);
    expect(result.pValue!).toBeLessThan(1e-10);
    expect(npsDriverImpact({ promoters: 0, passives: 0, detractors: 0 }, rest)).toBeNull();
  });

  it('covers the true impact 93–97 % of the time (reach 0.25, NPS −20 vs 30)', () => {
    const truth = 0.25 * (30 - -20);
    const rate = coverageRate(1000, 1101, (random) => {
      const [tp, td, ta] = drawMultinomial(random, 100, [0.3, 0.5, 0.2]);
      const [rp, rd, ra] = drawMultinomial(random, 300, [0.5, 0.2, 0.3]);
      const result = npsDriverImpact(
        { promoters: tp, passives: ta, detractors: td },
        { promoters: rp, passives: ra, detractors: rd },
      );
      return contains(result!.ci, truth);
    });
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });
});
