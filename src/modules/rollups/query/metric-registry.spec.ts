import { emptySums, RollupSums } from '../rollup-facts';
import { MENTION_SHARE, METRIC_REGISTRY, METRICS } from './metric-registry';

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

  it('takes a topic’s mention share as a proportion of items: Wilson interval, two-proportion z', () => {
    // 30 of 100: centre (30 + 1.92) / 103.84 = 0.3074, half-width 1.96 / 103.84 · √(21 + 0.96) = 0.0885.
    expect(MENTION_SHARE.value({ mentions: 30, items: 100 })).toBe(0.3);
    const ci = MENTION_SHARE.interval({ mentions: 30, items: 100 })!;
    expect(ci.low).toBeCloseTo(0.2189, 3);
    expect(ci.high).toBeCloseTo(0.3958, 3);
    expect(MENTION_SHARE.value({ mentions: 0, items: 0 })).toBeNull();
    // 20/100 → 30/100: pooled p 0.25, se √(0.25 · 0.75 · 2/100) = 0.0612, z = 1.633, two-sided p = 0.1025.
    const test = MENTION_SHARE.change({ mentions: 20, items: 100 }, { mentions: 30, items: 100 });
    expect(test.difference).toBeCloseTo(0.1, 12);
    expect(test.pValue).toBeCloseTo(0.1025, 3);
  });
});
