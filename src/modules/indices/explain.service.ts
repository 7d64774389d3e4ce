import { Injectable } from '@nestjs/common';
import { GroupValue, mixRateDecomposition, MixRateDecomposition } from '../../core/statistics';
import { InsightsQueryService } from '../rollups/query/insights-query.service';
import {
  InsightsQueryError,
  QueryDimension,
  QueryFilters,
  TimeRange,
} from '../rollups/query/insights-query.types';
import { MetricName } from '../rollups/query/metric-registry';
import { INDEX_NAMES, IndexName } from './index-definitions';
import { IndicesService } from './indices.service';

/** Metrics whose change explain can split: NPS, the shares of the registry, and the three indices. */
export const EXPLAIN_METRICS = [
  'nps',
  'net_sentiment',
  'positive_share',
  'negative_share',
  'csat',
  'ces_low_share',
  'promoter_share',
  ...INDEX_NAMES,
] as const;
export type ExplainMetric = (typeof EXPLAIN_METRICS)[number];

export interface ExplainQuery {
  metric: ExplainMetric;
  current: TimeRange;
  baseline: TimeRange;
  groupBy: QueryDimension;
  filters?: QueryFilters;
}

export interface ExplainResult extends MixRateDecomposition {
  metric: ExplainMetric;
  groupBy: QueryDimension;
  current: { from: string; to: string };
  baseline: { from: string; to: string };
}

/**
 * Why a number moved: the change of a weighted mean of group values (weights = each group's n) split into mix
 * (groups changing weight) and rate (values changing within groups), per group and in total.
 */
@Injectable()
export class ExplainService {
  constructor(
    private readonly insights: InsightsQueryService,
    private readonly indices: IndicesService,
  ) {}

  async explain(q: ExplainQuery): Promise<ExplainResult> {
    const [a, b] = await Promise.all([this.groups(q, q.baseline), this.groups(q, q.current)]);
    const decomposition = mixRateDecomposition(a, b);
    if (!decomposition)
      throw new InsightsQueryError('metric', `${q.metric} has no data in one of the two periods`);
    const iso = (d: Date) => d.toISOString();
    return {
      metric: q.metric,
      groupBy: q.groupBy,
      current: { from: iso(q.current.from), to: iso(q.current.to) },
      baseline: { from: iso(q.baseline.from), to: iso(q.baseline.to) },
      ...decomposition,
    };
  }

  private async groups(q: ExplainQuery, range: TimeRange): Promise<GroupValue[]> {
    const filters = q.filters ?? {};
    const index = INDEX_NAMES.indexOf(q.metric as IndexName);
    if (index >= 0) {
      const totals = await this.indices.totals(range, filters, q.groupBy);
      return [...totals.entries()].map(([group, { indices }]) => ({
        group: String(group),
        weight: indices[index].n,
        value: indices[index].value,
      }));
    }
    const totals = await this.insights.totals(range, filters, q.groupBy);
    return totals.map(({ group, sums }) => {
      const v = this.insights.evaluate(q.metric as MetricName, sums);
      return { group: String(group), weight: v.n, value: v.value };
    });
  }
}
