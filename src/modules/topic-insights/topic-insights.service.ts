import { Injectable } from '@nestjs/common';
import { benjaminiHochberg, ChangeTest } from '../../core/statistics';
import { iso, verbatimQuery } from '../pain-points/pain-points.service';
import { AnalyticsScope } from '../pain-points/analytics-scope.parser';
import { InsightsQueryService } from '../rollups/query/insights-query.service';
import { TimeRange } from '../rollups/query/insights-query.types';
import { MENTION_SHARE, METRIC_REGISTRY } from '../rollups/query/metric-registry';
import { emptySums, RollupSums } from '../rollups/rollup-facts';
import { VerbatimsService } from '../verbatims/verbatims.service';
import { TopicChangeDto, TopicInsightDto, TopicInsightsResponseDto } from './dto/topic-insights-response.dto';

const MOVER_FDR = 0.05;
/** A topic mentioned fewer times than this in the period is not called a mover on its share alone. */
const MIN_MOVER_MENTIONS = 10;

export interface TopicInsightsOptions {
  baseline: TimeRange;
  limit: number;
  examples: number;
  minSample: number;
}

/**
 * The topics of a period by volume, negativity and change. Values come from the metric registry (volume,
 * sentiment, negative_share, nps of topic rows) and the mention share (`MENTION_SHARE`: a topic's rows over all
 * items of the scope, tested as a proportion).
 */
@Injectable()
export class TopicInsightsService {
  constructor(
    private readonly insights: InsightsQueryService,
    private readonly verbatims: VerbatimsService,
  ) {}

  async summarise(scope: AnalyticsScope, o: TopicInsightsOptions): Promise<TopicInsightsResponseDto> {
    const [current, baseline, [itemsNow], [itemsBefore]] = await Promise.all([
      this.insights.totals(scope.range, scope.filters, 'topic'),
      this.insights.totals(o.baseline, scope.filters, 'topic'),
      this.insights.totals(scope.range, scope.filters),
      this.insights.totals(o.baseline, scope.filters),
    ]);
    const total = (s?: { sums: RollupSums }) => (s ? this.insights.evaluate('volume', s.sums).n : 0);
    const [nowItems, beforeItems] = [total(itemsNow), total(itemsBefore)];
    const before = new Map(baseline.map((b) => [b.group, b.sums]));
    const rows = current
      .filter((c) => c.group)
      .map((c) => {
        const a = before.get(c.group) ?? emptySums();
        const [va, vb] = [this.insights.evaluate('volume', a).n, this.insights.evaluate('volume', c.sums).n];
        const [was, now] = [
          { mentions: va, items: beforeItems },
          { mentions: vb, items: nowItems },
        ];
        const negative = [
          this.insights.evaluate('negative_share', a),
          this.insights.evaluate('negative_share', c.sums),
        ];
        const negativeTest =
          negative[0].value === null || negative[1].value === null
            ? null
            : METRIC_REGISTRY.negative_share.change(a, c.sums);
        return {
          topic: c.group!,
          sums: c.sums,
          volume: vb,
          share: MENTION_SHARE.value(now),
          shareCi: MENTION_SHARE.interval(now),
          shareTest: MENTION_SHARE.change(was, now),
          shareValues: [MENTION_SHARE.value(was), MENTION_SHARE.value(now)] as const,
          negativeTest,
          negativeValues: [negative[0].value, negative[1].value] as const,
        };
      });
    const qShare = benjaminiHochberg(rows.map((r) => r.shareTest.pValue));
    const qNegative = benjaminiHochberg(rows.map((r) => r.negativeTest?.pValue ?? null));
    const all: Omit<TopicInsightDto, 'examples'>[] = rows.map((r, i) => {
      const sentiment = this.insights.evaluate('sentiment', r.sums);
      const negativeShare = this.insights.evaluate('negative_share', r.sums);
      const shareChange = change(r.shareValues, r.shareTest, qShare[i]);
      const negativeShareChange = change(r.negativeValues, r.negativeTest, qNegative[i]);
      return {
        topic: r.topic,
        volume: r.volume,
        share: r.share,
        shareCi: r.shareCi,
        sentiment,
        negativeShare,
        nps: this.insights.evaluate('nps', r.sums),
        shareChange,
        negativeShareChange,
        significant:
          (r.volume >= MIN_MOVER_MENTIONS && isSignificant(shareChange.qValue)) ||
          (negativeShare.n >= o.minSample && isSignificant(negativeShareChange.qValue)),
        lowSample: negativeShare.n < o.minSample,
      };
    });
    const minQ = (t: Omit<TopicInsightDto, 'examples'>) =>
      Math.min(t.shareChange.qValue ?? 2, t.negativeShareChange.qValue ?? 2);
    const byVolume = [...all].sort((a, b) => b.volume - a.volume).slice(0, o.limit);
    const byNegativity = [...all]
      .filter((t) => t.negativeShare.value !== null)
      .sort(
        (a, b) =>
          Number(a.lowSample) - Number(b.lowSample) ||
          (b.negativeShare.value ?? 0) - (a.negativeShare.value ?? 0) ||
          b.volume - a.volume,
      )
      .slice(0, o.limit);
    const movers = [...all]
      .sort(
        (a, b) =>
          Number(b.significant) - Number(a.significant) ||
          minQ(a) - minQ(b) ||
          Math.abs(b.shareChange.difference ?? 0) - Math.abs(a.shareChange.difference ?? 0),
      )
      .slice(0, o.limit);
    const examples = await this.examplesOf([...byVolume, ...byNegativity, ...movers], scope, o.examples);
    const withExamples = (list: typeof all) =>
      list.map((t) => ({ ...t, examples: examples.get(t.topic) ?? [] }));
    return {
      range: iso(scope.range),
      baseline: iso(o.baseline),
      items: { current: nowItems, baseline: beforeItems },
      byVolume: withExamples(byVolume),
      byNegativity: withExamples(byNegativity),
      movers: withExamples(movers),
    };
  }

  private async examplesOf(list: { topic: string }[], scope: AnalyticsScope, count: number) {
    const topics = [...new Set(list.map((t) => t.topic))];
    const found = await Promise.all(
      topics.map((topic) =>
        this.verbatims.examples({ ...verbatimQuery(scope.range, scope.filters), topic }, count, {
          sentiment: 'negative',
        }),
      ),
    );
    return new Map(topics.map((t, i) => [t, found[i]]));
  }
}

const isSignificant = (q: number | null) => q !== null && q <= MOVER_FDR;

function change(
  values: readonly [number | null, number | null],
  test: ChangeTest | null,
  q: number | null,
): TopicChangeDto {
  const valid = test !== null && Number.isFinite(test.difference);
  return {
    baseline: values[0],
    current: values[1],
    difference: valid ? test.difference : null,
    ci: valid ? test.ci : null,
    pValue: valid ? test.pValue : null,
    qValue: valid ? q : null,
  };
}
