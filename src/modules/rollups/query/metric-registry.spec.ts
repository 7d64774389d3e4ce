import { emptySums, RollupSums } from '../rollup-facts';
import { METRIC_REGISTRY, METRICS } from './metric-registry';

const sums = (over: Partial<RollupSums>): RollupSums => ({ ...emptySums(), ...over });

describe('metric registry', () => {
  it('defines every metric once, null on no data', () => {
    for (const m of METRICS) {
      const empty = emptySums();
      expect(METRIC_REGISTRY[m].n(empty)).toBe(0);
      if (m !== 'volume') expect(METRIC_REGISTRY[m].value(empty)).toBeNull();
    }
  });

  it('computes NPS and net sentiment with the same structure (net sentiment on a 0..1 scale)', () => {
    const s = sums({
      promoters: 6,
      passives: 2,
      detractors: 2,
      sentN: 10,
      positive: 6,
      negative: 2,
      neutral: 2,
    });
    expect(METRIC_REGISTRY.nps.value(s)).toBe(40);
    expect(METRIC_REGISTRY.net_sentiment.value(s)).toBeCloseTo(0.4, 12);
    const nps = METRIC_REGISTRY.nps.interval(s)!;
    const net = METRIC_REGISTRY.net_sentiment.interval(s)!;
    expect(net.low).toBeCloseTo(nps.low / 100, 12);
    expect(net.high).toBeCloseTo(nps.high / 100, 12);
  });

  it('reads means and their t intervals from n, sum and sum of squares', () => {
    // Scores 0.2, 0.4, 0.6: mean 0.4, s = 0.2, t(2) = 4.3027 → ± 0.4968.
    const s = sums({ sentN: 3, sentSum: 1.2, sentSq: 0.04 + 0.16 + 0.36 });
    expect(METRIC_REGISTRY.sentiment.value(s)).toBeCloseTo(0.4, 12);
    const ci = METRIC_REGISTRY.sentiment.interval(s)!;
    expect(ci.high - 0.4).toBeCloseTo((4.302653 * 0.2) / Math.sqrt(3), 4);
  });

  it('takes the CSAT top box and shares over scored items, and changes as current − baseline', () => {
    expect(METRIC_REGISTRY.csat.value(sums({ csatN: 8, csatTop: 6 }))).toBe(0.75);
    const a = sums({ sentN: 100, negative: 10 });
    const b = sums({ sentN: 100, negative: 30 });
    const change = METRIC_REGISTRY.negative_share.change(a, b);
    expect(change.difference).toBeCloseTo(0.2, 12);
    expect(change.pValue!).toBeLessThan(0.001);
    expect(METRIC_REGISTRY.volume.change(sums({ n: 5 }), sums({ n: 8 })).difference).toBe(3);
  });
});
