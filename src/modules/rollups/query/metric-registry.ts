import {
  ChangeTest,
  Interval,
  meanInterval,
  npsDifferenceTest,
  npsInterval,
  npsScore,
  twoProportionTest,
  welchTest,
  wilsonInterval,
} from '../../../core/statistics';
import { RollupSums } from '../rollup-facts';

export const METRICS = [
  'volume',
  'sentiment',
  'positive_share',
  'negative_share',
  'net_sentiment',
  'nps',
  'csat',
  'ces',
  'ces_low_share',
  'promoter_share',
  'rating',
] as const;
export type MetricName = (typeof METRICS)[number];

/** A metric, defined once: its value, sample size and 95 % interval from rollup sums, and its change test. */
export interface MetricDefinition {
  description: string;
  /** How many answers the value rests on (what `minSample` is compared with). */
  n(s: RollupSums): number;
  /** Null when n = 0. */
  value(s: RollupSums): number | null;
  interval(s: RollupSums): Interval | null;
  /** Change from a baseline `a` to a current `b` (difference = b − a). */
  change(a: RollupSums, b: RollupSums): ChangeTest;
}

const scaled = (i: Interval | null, k: number): Interval | null =>
  i ? { low: i.low / k, high: i.high / k } : null;
const scaledChange = (c: ChangeTest, k: number): ChangeTest => ({
  difference: c.difference / k,
  ci: scaled(c.ci, k),
  pValue: c.pValue,
});

/** A share of items with sentiment: Wilson interval, two-proportion z test. */
function share(
  description: string,
  count: (s: RollupSums) => number,
  n: (s: RollupSums) => number,
): MetricDefinition {
  return {
    description,
    n,
    value: (s) => (n(s) > 0 ? count(s) / n(s) : null),
    interval: (s) => wilsonInterval(count(s), n(s)),
    change: (a, b) => twoProportionTest(count(a), n(a), count(b), n(b)),
  };
}

/** A mean from (n, sum, sum of squares): Student t interval, Welch t test. */
function mean(
  description: string,
  pick: (s: RollupSums) => [n: number, sum: number, sq: number],
): MetricDefinition {
  const sums = (s: RollupSums) => {
    const [n, sum, sumOfSquares] = pick(s);
    return { n, sum, sumOfSquares };
  };
  return {
    description,
    n: (s) => pick(s)[0],
    value: (s) => (pick(s)[0] > 0 ? pick(s)[1] / pick(s)[0] : null),
    interval: (s) => meanInterval(...pick(s)),
    change: (a, b) => welchTest(sums(a), sums(b)),
  };
}

const sentimentN = (s: RollupSums) => s.sentN;
const npsCounts = (s: RollupSums) => ({
  promoters: s.promoters,
  passives: s.passives,
  detractors: s.detractors,
});
/** Net sentiment has the NPS structure: positive − negative share of scored items, the rest "passive". */
const netCounts = (s: RollupSums) => ({
  promoters: s.positive,
  passives: s.sentN - s.positive - s.negative,
  detractors: s.negative,
});

export const METRIC_REGISTRY: Record<MetricName, MetricDefinition> = {
  volume: {
    description: 'Number of items (topic rows: mentions of the topic)',
    n: (s) => s.n,
    value: (s) => s.n,
    interval: () => null,
    change: (a, b) => ({ difference: b.n - a.n, ci: null, pValue: null }),
  },
  sentiment: mean('Mean sentiment score, −1..1', (s) => [s.sentN, s.sentSum, s.sentSq]),
  positive_share: share('Share of scored items that are positive, 0..1', (s) => s.positive, sentimentN),
  negative_share: share('Share of scored items that are negative, 0..1', (s) => s.negative, sentimentN),
  net_sentiment: {
    description: 'Positive share − negative share, −1..1',
    n: sentimentN,
    value: (s) => (s.sentN > 0 ? (s.positive - s.negative) / s.sentN : null),
    interval: (s) => {
      const c = netCounts(s);
      return scaled(npsInterval(c.promoters, c.passives, c.detractors), 100);
    },
    change: (a, b) => scaledChange(npsDifferenceTest(netCounts(a), netCounts(b)), 100),
  },
  nps: {
    description: 'Net Promoter Score, −100..100 (promoters 9–10 − detractors 0–6, in % of answers)',
    n: (s) => s.promoters + s.passives + s.detractors,
    value: (s) => npsScore(s.promoters, s.passives, s.detractors),
    interval: (s) => npsInterval(s.promoters, s.passives, s.detractors),
    change: (a, b) => npsDifferenceTest(npsCounts(a), npsCounts(b)),
  },
  csat: share(
    'CSAT top-box share (normalised answer ≥ 0.75: 4–5 of 5), 0..1',
    (s) => s.csatTop,
    (s) => s.csatN,
  ),
  ces: mean('Mean Customer Effort Score, as answered', (s) => [s.cesN, s.cesSum, s.cesSq]),
  ces_low_share: share(
    'Low-effort CES share (answer 6 or 7 of 7), 0..1',
    (s) => s.cesLow,
    (s) => s.cesN,
  ),
  promoter_share: share(
    'Promoter share (NPS answer 9 or 10), 0..1',
    (s) => s.promoters,
    (s) => s.promoters + s.passives + s.detractors,
  ),
  rating: mean('Mean review rating normalised to 0..1', (s) => [s.ratingN, s.ratingSum, s.ratingSq]),
};

/** Mentions of a topic among the items of a scope: the topic rows' volume over all items' volume. */
export interface MentionCount {
  mentions: number;
  items: number;
}

/**
 * The share of items that mention a topic, defined once: a proportion of items (each item mentions a topic at most
 * once), so its interval is Wilson's and its change the two-proportion z test, as every share in the registry.
 */
export const MENTION_SHARE = {
  description: 'Share of items that mention the topic, 0..1',
  value: ({ mentions, items }: MentionCount): number | null => (items > 0 ? mentions / items : null),
  interval: ({ mentions, items }: MentionCount): Interval | null =>
    wilsonInterval(Math.min(mentions, items), items),
  change: (a: MentionCount, b: MentionCount): ChangeTest =>
    twoProportionTest(Math.min(a.mentions, a.items), a.items, Math.min(b.mentions, b.items), b.items),
};
