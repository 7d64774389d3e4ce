import { contains, coverageRate, drawBinomial, drawMultinomial } from '../../../core/statistics';
import { InsightsQueryService } from '../../rollups/query/insights-query.service';
import { RollupQueryRepository } from '../../rollups/query/rollup-query.repository';
import { emptySums, RollupSums } from '../../rollups/rollup-facts';
import { DEFAULT_WEIGHTS, IndexName } from '../index-definitions';
import { composeIndex } from './compose-index';
import { componentValues } from './index-components';
import { emptyCustomerFigures, emptyOutcomeFigures, IndexFigures } from './index-figures';

const insights = new InsightsQueryService(null as unknown as RollupQueryRepository);
const evaluate = insights.evaluate.bind(insights);

const figures = (f: {
  feedback?: Partial<RollupSums>;
  publicMentions?: Partial<RollupSums>;
  outcomes?: Partial<IndexFigures['outcomes']>;
  customers?: Partial<IndexFigures['customers']>;
}): IndexFigures => ({
  feedback: { ...emptySums(), ...f.feedback },
  publicMentions: { ...emptySums(), ...f.publicMentions },
  outcomes: { ...emptyOutcomeFigures(), ...f.outcomes },
  customers: { ...emptyCustomerFigures(), ...f.customers },
});

const index = (name: IndexName, f: IndexFigures, weights = DEFAULT_WEIGHTS) =>
  composeIndex(name, componentValues(f, evaluate), weights, 30).result;

describe('SAT index components (hand-worked)', () => {
  it('Satisfaction: NPS 20 → 60, CSAT 8/10 → 80, CES 1/4 → 25, net sentiment (5 − 1)/8 → 75', () => {
    const f = figures({
      feedback: {
        promoters: 4,
        passives: 4,
        detractors: 2,
        csatN: 10,
        csatTop: 8,
        cesN: 4,
        cesLow: 1,
        sentN: 8,
        positive: 5,
        negative: 1,
        neutral: 2,
      },
    });
    const sat = index('satisfaction', f);
    expect(sat.components.map((c) => c.value)).toEqual([60, 80, 25, 75]);
    expect(sat.value).toBeCloseTo(60, 12);
    expect(sat.n).toBe(32);
    expect(sat.lowSample).toBe(true);
    const weighted = index('satisfaction', f, {
      ...DEFAULT_WEIGHTS,
      satisfaction: { nps: 3, csat_top_box: 1, ces_low_effort: 0, net_sentiment: 0 },
    });
    expect(weighted.value).toBeCloseTo((3 * 60 + 80) / 4, 12);
    expect(weighted.components.map((c) => c.appliedWeight)).toEqual([0.75, 0.25, 0, 0]);
  });

  it('Advocacy and Trust from outcome and customer counts; no data at all gives null, flagged', () => {
    const f = figures({
      feedback: { promoters: 3, passives: 1, detractors: 1 },
      outcomes: {
        activeCustomers: 20,
        referrers: 5,
        invited: 4,
        converted: 1,
        retentionAtStart: 50,
        retained: 45,
      },
      customers: { withSentiment: 10, twoOrMore: 4, twoOrMorePositive: 3, recurringComplaints: 2 },
    });
    expect(index('advocacy', f).components.map((c) => c.value)).toEqual([60, 25, 25, null]);
    expect(index('advocacy', f).value).toBeCloseTo(110 / 3, 12);
    expect(index('trust', f).components.map((c) => c.value)).toEqual([90, 75, 80]);
    // Without retention figures, retention comes from lifecycle events: 1 − 2 churned of 8.
    const life = figures({ outcomes: { lifecycleCustomers: 8, churnedCustomers: 2 } });
    expect(index('trust', life).components[0]).toMatchObject({ value: 75, n: 8 });
    const none = index('trust', figures({}));
    expect(none).toMatchObject({ value: null, ci: null, n: 0, lowSample: true });
  });
});

/** Seeded simulations: how often the index's 95 % interval holds the true index (asserted 93–97 %). */
describe('SAT index intervals cover the truth', () => {
  const coverage = (name: IndexName, truth: number, draw: (r: () => number) => IndexFigures) =>
    coverageRate(1000, 7 + name.length, (random) => contains(index(name, draw(random)).ci, truth));

  it('Satisfaction', () => {
    const truth = (50 * (1 + 0.4 - 0.25) + 70 + 55 + 50 * (1 + 0.5 - 0.3)) / 4;
    const rate = coverage('satisfaction', truth, (r) => {
      const [promoters, passives, detractors] = drawMultinomial(r, 200, [0.4, 0.35, 0.25]);
      const [positive, neutral, negative] = drawMultinomial(r, 300, [0.5, 0.2, 0.3]);
      return figures({
        feedback: {
          promoters,
          passives,
          detractors,
          csatN: 150,
          csatTop: drawBinomial(r, 150, 0.7),
          cesN: 100,
          cesLow: drawBinomial(r, 100, 0.55),
          sentN: 300,
          positive,
          neutral,
          negative,
        },
      });
    });
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });

  it('Advocacy', () => {
    const truth = (40 + 10 + 30 + 60) / 4;
    const rate = coverage('advocacy', truth, (r) => {
      const promoters = drawBinomial(r, 200, 0.4);
      return figures({
        feedback: { promoters, passives: 200 - promoters, detractors: 0 },
        publicMentions: { sentN: 200, positive: drawBinomial(r, 200, 0.6) },
        outcomes: {
          activeCustomers: 400,
          referrers: drawBinomial(r, 400, 0.1),
          invited: 80,
          converted: drawBinomial(r, 80, 0.3),
        },
      });
    });
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });

  it('Trust', () => {
    const truth = (90 + 40 + 85) / 3;
    const rate = coverage('trust', truth, (r) =>
      figures({
        outcomes: { retentionAtStart: 500, retained: drawBinomial(r, 500, 0.9) },
        customers: {
          twoOrMore: 120,
          twoOrMorePositive: drawBinomial(r, 120, 0.4),
          withSentiment: 300,
          recurringComplaints: drawBinomial(r, 300, 0.15),
        },
      }),
    );
    expect(rate).toBeGreaterThanOrEqual(0.93);
    expect(rate).toBeLessThanOrEqual(0.97);
  });
});
