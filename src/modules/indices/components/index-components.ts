import {
  IndexComponent,
  Interval,
  netScoreComponent,
  rescaleInterval,
  shareComponent,
  wilsonInterval,
} from '../../../core/statistics';
import type { MetricValue } from '../../rollups/query/insights-query.types';
import type { MetricName } from '../../rollups/query/metric-registry';
import type { RollupSums } from '../../rollups/rollup-facts';
import { ComponentKey } from '../index-definitions';
import { IndexFigures } from './index-figures';

/** One component of one index in one group and period, on 0..100. */
export interface ComponentValue {
  key: ComponentKey;
  value: number | null;
  n: number;
  ci: Interval | null;
  standardError: number | null;
}

/** Reads a feedback metric through the query layer's registry (value, n, interval on the metric's scale). */
export type EvaluateMetric = (metric: MetricName, sums: RollupSums) => MetricValue;

const fromShare = (key: ComponentKey, successes: number, n: number): ComponentValue => {
  const x = Math.min(successes, n);
  const c = shareComponent(x, n, 1);
  const ci = wilsonInterval(x, n);
  return { key, value: c.value, n, ci: ci && rescaleInterval(ci, 0, 1), standardError: c.standardError };
};

const fromMetric = (
  key: ComponentKey,
  metric: MetricValue,
  component: IndexComponent,
  [min, max]: [number, number],
): ComponentValue => ({
  key,
  value: component.value,
  n: metric.n,
  ci: metric.ci && rescaleInterval(metric.ci, min, max),
  standardError: component.standardError,
});

/**
 * Every component from the figures. Feedback metrics come from the registry (the same numbers as /trends);
 * their standard errors from the core statistics component helpers, which the composite propagates.
 */
export function componentValues(
  f: IndexFigures,
  evaluate: EvaluateMetric,
): Map<ComponentKey, ComponentValue> {
  const s = f.feedback;
  const nps = { promoters: s.promoters, passives: s.passives, detractors: s.detractors };
  const net = { promoters: s.positive, passives: s.sentN - s.positive - s.negative, detractors: s.negative };
  const csat = evaluate('csat', s);
  const ces = evaluate('ces_low_share', s);
  const promoters = evaluate('promoter_share', s);
  const pub = evaluate('positive_share', f.publicMentions);
  const o = f.outcomes;
  const c = f.customers;
  const retention =
    o.retentionAtStart > 0
      ? fromShare('retention', o.retained, o.retentionAtStart)
      : fromShare('retention', o.lifecycleCustomers - o.churnedCustomers, o.lifecycleCustomers);
  const values: ComponentValue[] = [
    fromMetric('nps', evaluate('nps', s), netScoreComponent(nps, 1), [-100, 100]),
    fromMetric('csat_top_box', csat, shareComponent(s.csatTop, s.csatN, 1), [0, 1]),
    fromMetric('ces_low_effort', ces, shareComponent(s.cesLow, s.cesN, 1), [0, 1]),
    fromMetric('net_sentiment', evaluate('net_sentiment', s), netScoreComponent(net, 1), [-1, 1]),
    fromMetric('promoter_share', promoters, shareComponent(s.promoters, promoters.n, 1), [0, 1]),
    fromShare('referrer_share', o.referrers, o.activeCustomers),
    fromShare('referral_conversion', o.converted, o.invited),
    fromMetric(
      'public_positive_share',
      pub,
      shareComponent(f.publicMentions.positive, f.publicMentions.sentN, 1),
      [0, 1],
    ),
    retention,
    fromShare('repeat_positive', c.twoOrMorePositive, c.twoOrMore),
    fromShare('no_recurring_complaints', c.withSentiment - c.recurringComplaints, c.withSentiment),
  ];
  return new Map(values.map((v) => [v.key, v]));
}
