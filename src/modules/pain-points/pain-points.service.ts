import { Injectable } from '@nestjs/common';
import { InsightsQueryService } from '../rollups/query/insights-query.service';
import { GroupSums, QueryDimension, QueryFilters, TimeRange } from '../rollups/query/insights-query.types';
import { ListVerbatimsQuery } from '../verbatims/dto/list-verbatims.query';
import { ExampleRequest, VerbatimsService } from '../verbatims/verbatims.service';
import { AnalyticsScope } from './analytics-scope.parser';
import { NegativeTopicDto, PainPointDto, PainPointsResponseDto } from './dto/pain-points-response.dto';

const TOP_TOPICS = 3;
const DIMENSIONS = ['touchpoint', 'journeyStage'] as const;

/**
 * Where it hurts: touchpoints and journey stages ranked by the negatives they hold beyond the overall rate,
 * every number read through the query layer (volume and negative_share of the metric registry).
 */
@Injectable()
export class PainPointsService {
  constructor(
    private readonly insights: InsightsQueryService,
    private readonly verbatims: VerbatimsService,
  ) {}

  async painPoints(
    scope: AnalyticsScope,
    options: { limit: number; examples: number; minSample: number },
  ): Promise<PainPointsResponseDto> {
    // Every read that does not need another's answer goes out together: the overall sums with the groups', then
    // both dimensions' topics, then every row's examples (their topics in one read).
    const [[overallSums], ...groupsOf] = await Promise.all([
      this.insights.totals(scope.range, scope.filters),
      ...DIMENSIONS.map((d) => this.insights.totals(scope.range, scope.filters, d)),
    ]);
    const overallShare = overallSums ? this.insights.evaluate('negative_share', overallSums.sums) : null;
    const overallVolume = overallSums ? this.insights.evaluate('volume', overallSums.sums).n : 0;
    const ranked = await Promise.all(
      DIMENSIONS.map((d, i) => this.ranked(scope, d, groupsOf[i], overallShare?.value ?? null, options)),
    );
    const examples = await this.verbatims.examplesOfEach(
      ranked.flatMap((rows, i) =>
        rows.map((r) => this.examplesOf(scope, DIMENSIONS[i], r, options.examples)),
      ),
    );
    let next = 0;
    const [touchpoints, journeyStages] = ranked.map((rows) =>
      rows.map((r): PainPointDto => ({ ...r, examples: examples[next++] })),
    );
    return {
      range: iso(scope.range),
      overall: {
        volume: overallVolume,
        scored: overallShare?.n ?? 0,
        negativeShare: overallShare?.value ?? null,
      },
      touchpoints,
      journeyStages,
    };
  }

  /** The dimension's values ranked by impact, each with its top negative topics (examples come after). */
  private async ranked(
    scope: AnalyticsScope,
    dimension: QueryDimension,
    groups: GroupSums[],
    overallShare: number | null,
    options: { limit: number; minSample: number },
  ): Promise<Omit<PainPointDto, 'examples'>[]> {
    const rows = groups
      .filter((g) => g.group)
      .map((g) => {
        const volume = this.insights.evaluate('volume', g.sums).n;
        const share = this.insights.evaluate('negative_share', g.sums);
        const impact =
          share.value === null || overallShare === null ? 0 : (share.value - overallShare) * volume;
        return { value: g.group!, volume, share, impact };
      })
      .sort((a, b) => b.impact - a.impact || b.volume - a.volume)
      .slice(0, options.limit);
    // Every row's topics in one read (grouped by topic within each row's value), not one read per row.
    const topicsPerRow = await this.insights.totalsPer(
      scope.range,
      { ...scope.filters, [dimension]: rows.map((r) => r.value) },
      'topic',
      dimension,
    );
    return rows.map((r) => ({
      value: r.value,
      volume: r.volume,
      scored: r.share.n,
      negativeShare: r.share.value,
      ci: r.share.ci,
      impact: r.impact,
      lowSample: r.share.n < options.minSample,
      topNegativeTopics: this.negativeTopics(topicsPerRow.get(r.value) ?? []),
    }));
  }

  /** A row's topics with the most negative mentions (ties: the larger negative share, then the topic key). */
  private negativeTopics(topics: GroupSums[]): NegativeTopicDto[] {
    return topics
      .filter((t) => t.group)
      .map((t) => {
        const share = this.insights.evaluate('negative_share', t.sums);
        return {
          topic: t.group!,
          scored: share.n,
          negativeShare: share.value ?? 0,
          negatives: Math.round((share.value ?? 0) * share.n),
        };
      })
      .filter((t) => t.negatives > 0)
      .sort(
        (a, b) =>
          b.negatives - a.negatives || b.negativeShare - a.negativeShare || a.topic.localeCompare(b.topic),
      )
      .slice(0, TOP_TOPICS);
  }

  /** Recent negative verbatims of the row's group: about its top negative topic when there is one. */
  private examplesOf(
    scope: AnalyticsScope,
    dimension: QueryDimension,
    row: Omit<PainPointDto, 'examples'>,
    count: number,
  ): ExampleRequest {
    const filters: QueryFilters = { ...scope.filters, [dimension]: [row.value] };
    const topic = row.topNegativeTopics[0]?.topic;
    return {
      query: { ...verbatimQuery(scope.range, filters), sentiment: 'negative' },
      count,
      prefer: topic ? { topic } : undefined,
    };
  }
}

/** The verbatim search for the same range and filters as a summary row. */
export function verbatimQuery(range: TimeRange, filters: QueryFilters): ListVerbatimsQuery {
  return {
    ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v!.join(',')])),
    from: range.from.toISOString(),
    to: range.to.toISOString(),
  };
}

export function iso(range: TimeRange) {
  return { from: range.from.toISOString(), to: range.to.toISOString(), timezone: range.timezone };
}
