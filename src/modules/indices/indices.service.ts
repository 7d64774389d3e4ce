import { CustomerFiguresService } from '../rollups/customer-figures/customer-figures.service';
import { Injectable } from '@nestjs/common';
import { ChangeTest, compositeChangeTest, CompositeIndex } from '../../core/statistics';
import { DEFAULT_MIN_SAMPLE, InsightsQueryService } from '../rollups/query/insights-query.service';
import type {
  Granularity,
  QueryDimension,
  QueryFilters,
  TimeRange,
} from '../rollups/query/insights-query.types';
import { InsightsQueryError, MAX_POINTS } from '../rollups/query/insights-query.types';
import { Period, periodsOf } from '../rollups/query/time-buckets';
import { IndexFigures } from './components/index-figures';
import { componentValues } from './components/index-components';
import { composeIndex, IndexValue } from './components/compose-index';
import { IndexDefinitionsService } from './index-definitions.service';
import { INDEX_NAMES, IndexName, IndexWeights } from './index-definitions';
import { IndexFiguresReader } from './index-figures.reader';

export interface IndicesQuery {
  granularity: Granularity;
  range: TimeRange;
  filters?: QueryFilters;
  groupBy?: QueryDimension;
  /** Components resting on fewer answers or customers are flagged lowSample (default 30). */
  minSample?: number;
}

export interface IndexPointValue extends IndexValue {
  /** Against the previous period of the same group (null for the first, or when either has no value). */
  change: ChangeTest | null;
}

export interface IndicesPoint {
  period: string;
  group: string | null;
  indices: IndexPointValue[];
}

export interface IndicesResult {
  formulaVersion: string;
  weightsVersion: number;
  granularity: Granularity;
  timezone: string;
  groupBy: QueryDimension | null;
  /**
   * Outcome events stored but not yet counted in the customer-level figures (their fold job runs within seconds
   * of arrival): non-zero while a burst is being counted; counted up to 100,000 (then read "at least").
   */
  pendingOutcomes: number;
  points: IndicesPoint[];
}

/** The SAT indices over time and groups: what the API, the digest and exports read. */
@Injectable()
export class IndicesService {
  constructor(
    private readonly insights: InsightsQueryService,
    private readonly definitions: IndexDefinitionsService,
    private readonly figures: IndexFiguresReader,
    private readonly customerFigures: CustomerFiguresService,
  ) {}

  async series(q: IndicesQuery): Promise<IndicesResult> {
    const periods = periodsOf(q.range, q.granularity);
    const [defs, byGroup, pendingOutcomes] = await Promise.all([
      this.definitions.current(),
      this.figures.read(periods, q.filters ?? {}, q.groupBy),
      this.customerFigures.pendingOutcomeCount(),
    ]);
    const groups = this.groupsOf(byGroup, q.filters ?? {}, q.groupBy);
    if (periods.length * groups.length > MAX_POINTS)
      throw new InsightsQueryError(
        'groupBy',
        `${periods.length * groups.length} points is more than ${MAX_POINTS}: filter the groups or shorten the range`,
      );
    const minSample = q.minSample ?? DEFAULT_MIN_SAMPLE;
    const points = groups.flatMap((group) => {
      const perPeriod = byGroup.get(group) ?? periods.map(() => this.figures.empty());
      let previous: (CompositeIndex | null)[] = INDEX_NAMES.map(() => null);
      return periods.map((p, i) => {
        const computed = this.indicesOf(perPeriod[i], defs.weights, minSample);
        const indices = computed.map(({ result, composite }, k) => ({
          ...result,
          change: i > 0 && previous[k] && composite ? compositeChangeTest(previous[k]!, composite) : null,
        }));
        previous = computed.map((c) => c.composite);
        return { period: p.label, group, indices };
      });
    });
    return {
      formulaVersion: defs.formulaVersion,
      weightsVersion: defs.weightsVersion,
      granularity: q.granularity,
      timezone: q.range.timezone,
      groupBy: q.groupBy ?? null,
      pendingOutcomes,
      points,
    };
  }

  /** Each group's indices over one whole range (what explain decomposes). */
  async totals(
    range: TimeRange,
    filters: QueryFilters,
    groupBy?: QueryDimension,
  ): Promise<Map<string | null, { figures: IndexFigures; indices: IndexValue[] }>> {
    const period: Period = { label: '', from: range.from.getTime(), to: range.to.getTime() };
    const [defs, byGroup] = await Promise.all([
      this.definitions.current(),
      this.figures.read([period], filters, groupBy),
    ]);
    const out = new Map<string | null, { figures: IndexFigures; indices: IndexValue[] }>();
    for (const [group, [figures]] of byGroup)
      out.set(group, {
        figures,
        indices: this.indicesOf(figures, defs.weights, DEFAULT_MIN_SAMPLE).map((c) => c.result),
      });
    return out;
  }

  private indicesOf(figures: IndexFigures, weights: IndexWeights, minSample: number) {
    const values = componentValues(figures, (metric, sums) => this.insights.evaluate(metric, sums));
    return INDEX_NAMES.map((index: IndexName) => composeIndex(index, values, weights, minSample));
  }

  private groupsOf(
    byGroup: Map<string | null, IndexFigures[]>,
    filters: QueryFilters,
    groupBy?: QueryDimension,
  ): (string | null)[] {
    if (!groupBy) return [null];
    const groups = new Set<string>([...byGroup.keys()].map(String));
    for (const v of filters[groupBy] ?? []) groups.add(v);
    return [...groups].sort();
  }
}
