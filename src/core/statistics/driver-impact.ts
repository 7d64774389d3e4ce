import { npsDifferenceTest, npsScore } from './nps';
import { Interval, NpsCounts } from './statistics.types';

export interface DriverImpact {
  /** NPS points gained overall if the customers who raised the topic scored like the rest. */
  impact: number;
  /** Share of answers from customers who raised the topic. */
  reach: number;
  ci: Interval | null;
  pValue: number | null;
}

/**
 * Impact of a topic on NPS: overall NPS = r·NPS_t + (1 − r)·NPS_rest with r the topic's reach, so giving
 * the topic's customers the rest's NPS raises it by r·(NPS_rest − NPS_t). The interval and p-value scale
 * those of the NPS difference (rest − topic) by r, holding the reach fixed. Null when either side is empty.
 */
export function npsDriverImpact(
  withTopic: NpsCounts,
  withoutTopic: NpsCounts,
  confidence = 0.95,
): DriverImpact | null {
  const topicScore = npsScore(withTopic.promoters, withTopic.passives, withTopic.detractors);
  const restScore = npsScore(withoutTopic.promoters, withoutTopic.passives, withoutTopic.detractors);
  if (topicScore === null || restScore === null) return null;
  const nTopic = withTopic.promoters + withTopic.passives + withTopic.detractors;
  const nRest = withoutTopic.promoters + withoutTopic.passives + withoutTopic.detractors;
  const reach = nTopic / (nTopic + nRest);
  const test = npsDifferenceTest(withTopic, withoutTopic, confidence);
  const ci = test.ci && { low: reach * test.ci.low, high: reach * test.ci.high };
  return { impact: reach * (restScore - topicScore), reach, ci, pValue: test.pValue };
}
