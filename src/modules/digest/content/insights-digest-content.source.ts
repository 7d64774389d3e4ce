import { Injectable } from '@nestjs/common';
import { InsightsQueryService } from '../../rollups/query/insights-query.service';
import { QueryFilters, TimeRange } from '../../rollups/query/insights-query.types';
import { MetricName } from '../../rollups/query/metric-registry';
import { formatIsoWeek, isoWeekOfDate } from '../time/iso-week';
import { changeVerdict, SIGNIFICANCE } from './change-verdict';
import { DigestContentRepository } from './digest-content.repository';
import { DigestDriverReader } from './digest-driver.reader';
import { DigestIndicesReader } from './digest-indices.reader';
import { DigestMoverReader } from './digest-mover.reader';
import { DigestNewsReader } from './digest-news.reader';
import { digestWeekWindow } from './digest-week-window';
import { DigestPainPointsReader } from './digest-pain-points.reader';
import {
  DigestContent,
  DigestContentSource,
  DigestMetric,
  DigestRequest,
  DigestSlice,
  SLICE_FIELDS,
  TopicMover,
} from './digest-content.types';

const MIN_SAMPLE = 30;
/** Headline figures of the query layer; the SAT indices come from the indices service (DigestIndicesReader). */
const HEADLINE: { metric: MetricName; label: string }[] = [
  { metric: 'nps', label: 'NPS' },
  { metric: 'csat', label: 'CSAT (top-box share)' },
  { metric: 'net_sentiment', label: 'Net sentiment' },
];

/**
 * Digest content from the one query layer (InsightsQueryService over the rollups): every number is a metric
 * of its registry, so the email says what `GET /api/v1/trends` says for the same week and slice.
 * Verbatims are read from the stored (already redacted) feedback.
 */
@Injectable()
export class InsightsDigestContentSource implements DigestContentSource {
  constructor(
    private readonly insights: InsightsQueryService,
    private readonly examples: DigestContentRepository,
    private readonly indices: DigestIndicesReader,
    private readonly mover: DigestMoverReader,
    private readonly news: DigestNewsReader,
    private readonly painPoints: DigestPainPointsReader,
    private readonly driver: DigestDriverReader,
  ) {}

  async build(request: DigestRequest): Promise<DigestContent> {
    const { week, timeZone, notes, current, previous, trendRange } = digestWeekWindow(request);
    const filters = toFilters(request.slice);

    const [
      headline,
      indices,
      volume,
      painPoints,
      topicMovers,
      complaints,
      praise,
      anomalies,
      emergingThemes,
      npsDriver,
    ] = await Promise.all([
      Promise.all(
        HEADLINE.map((h) => this.metric(h.metric, h.label, current, previous, trendRange, filters)),
      ),
      this.indices.read(trendRange, filters),
      this.volume(current, previous, trendRange, filters),
      this.painPoints.read(current, filters),
      this.topicMovers(current, previous, filters, request.slice),
      this.examples.verbatims({ ...current, slice: request.slice, label: 'negative', limit: 3 }),
      this.examples.verbatims({
        ...current,
        slice: request.slice,
        label: 'positive',
        signal: 'praise',
        limit: 2,
      }),
      this.news.anomaliesOf(current, request.slice),
      this.news.emergingThemesOf(current, request.slice),
      this.driver.read(current, request.slice),
    ]);
    const biggestMover = await this.mover.read(indices, current, previous, filters);
    return {
      week: formatIsoWeek(week),
      from: current.from.toISOString(),
      to: current.to.toISOString(),
      timeZone,
      slice: request.slice,
      generatedAt: new Date().toISOString(),
      headline,
      indices,
      biggestMover,
      notes,
      volume,
      painPoints: painPoints.section,
      painPointMeasure: 'negatives beyond the overall rate',
      overallNegativeShare: painPoints.overallNegativeShare,
      topicMovers: { available: true, items: topicMovers },
      emergingThemes,
      anomalies,
      npsDriver,
      complaints,
      praise,
    };
  }

  private async metric(
    metric: MetricName,
    label: string,
    current: TimeRange,
    previous: TimeRange,
    trendRange: TimeRange,
    filters: QueryFilters,
  ): Promise<DigestMetric> {
    const [compared, series] = await Promise.all([
      this.insights.compare({ metric, current, baseline: previous, filters, minSample: MIN_SAMPLE }),
      this.insights.series({
        metric,
        granularity: 'week',
        range: trendRange,
        filters,
        minSample: MIN_SAMPLE,
      }),
    ]);
    const row = compared.groups[0];
    const pValue = row?.change.pValue ?? null;
    const lowSample = (row?.current.n ?? 0) < MIN_SAMPLE;
    const previousLowSample = (row?.baseline.n ?? 0) < MIN_SAMPLE;
    const verdict = changeVerdict({ pValue, lowSample, previousLowSample });
    return {
      key: metric,
      label,
      value: row?.current.value ?? null,
      previous: row?.baseline.value ?? null,
      change: row?.change.difference ?? null,
      n: row?.current.n ?? 0,
      previousN: row?.baseline.n ?? 0,
      pValue,
      verdict,
      significant: verdict === 'significant',
      lowSample,
      previousLowSample,
      trend: series.points.map((p) => ({ week: weekOfDay(p.period), value: p.value, n: p.n })),
    };
  }

  private async volume(
    current: TimeRange,
    previous: TimeRange,
    trendRange: TimeRange,
    filters: QueryFilters,
  ) {
    const [byChannel, series] = await Promise.all([
      this.insights.compare({ metric: 'volume', current, baseline: previous, filters, groupBy: 'channel' }),
      this.insights.series({ metric: 'volume', granularity: 'week', range: trendRange, filters }),
    ]);
    const channels = byChannel.groups
      .map((g) => ({ channel: g.group ?? '(none)', n: g.current.n, previousN: g.baseline.n }))
      .sort((a, b) => b.n - a.n || a.channel.localeCompare(b.channel));
    return {
      total: channels.reduce((sum, c) => sum + c.n, 0),
      previousTotal: channels.reduce((sum, c) => sum + c.previousN, 0),
      byChannel: channels,
      trend: series.points.map((p) => ({ week: weekOfDay(p.period), n: p.n })),
    };
  }

  /** Topics whose negative share moved significantly (Benjamini–Hochberg across topics). */
  private async topicMovers(
    current: TimeRange,
    previous: TimeRange,
    filters: QueryFilters,
    slice: DigestSlice | null,
  ): Promise<TopicMover[]> {
    const compared = await this.insights.compare({
      metric: 'negative_share',
      current,
      baseline: previous,
      filters,
      groupBy: 'topic',
      minSample: MIN_SAMPLE,
    });
    const movers = compared.groups
      .filter((g) => g.group && !g.lowSample && (g.change.qValue ?? 1) < SIGNIFICANCE)
      .slice(0, 3);
    return Promise.all(
      movers.map(async (g) => ({
        topic: g.group as string,
        change: g.change.difference ?? 0,
        n: g.current.n,
        significant: true,
        verbatims: (
          await this.examples.verbatims({ ...current, slice, label: 'negative', topic: g.group!, limit: 1 })
        ).map((v) => v.text),
      })),
    );
  }
}

function toFilters(slice: DigestSlice | null): QueryFilters {
  const filters: QueryFilters = {};
  for (const field of SLICE_FIELDS) if (slice?.[field] !== undefined) filters[field] = [slice[field]!];
  return filters;
}

/** A weekly bucket's first day (YYYY-MM-DD, a Monday) as its ISO week. */
function weekOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return formatIsoWeek(isoWeekOfDate(y, m, d));
}
