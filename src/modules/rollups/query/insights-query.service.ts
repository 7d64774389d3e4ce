import { Injectable } from '@nestjs/common';
import { benjaminiHochberg } from '../../../core/statistics';
import { emptySums, RollupSums, SUM_FIELDS } from '../rollup-facts';
import {
  CompareQuery,
  CompareResult,
  GroupComparison,
  GroupSums,
  InsightsQueryError,
  MAX_POINTS,
  MetricValue,
  QueryDimension,
  QueryFilters,
  SeriesQuery,
  SeriesResult,
  TimeRange,
} from './insights-query.types';
import { METRIC_REGISTRY, MetricName } from './metric-registry';
import { itemDimensionsOf, RollupQueryRepository } from './rollup-query.repository';
import {
  BucketRange,
  bucketPlan,
  coarsen,
  mergedRanges,
  Period,
  periodOfBucket,
  periodsOf,
} from './time-buckets';
import { RollupGrain } from '../rollup.repository';
import { SLICE_MAX_DIMS, SliceGrain } from '../rollup-slices';

export const DEFAULT_MIN_SAMPLE = 30;

const addInto = (into: RollupSums, from: RollupSums, sign: 1 | -1) => {
  for (const f of SUM_FIELDS) into[f] += sign * from[f];
};

/**
 * The one query layer over the rollups: every analytics number (trends, comparisons, pain points, topic
 * insights, indices, the digest) comes from `sumsByPeriod` and a metric of METRIC_REGISTRY.
 */
@Injectable()
export class InsightsQueryService {
  constructor(private readonly repository: RollupQueryRepository) {}

  /** A metric per period (and group); empty periods are present with n 0 and value null. */
  async series(q: SeriesQuery): Promise<SeriesResult> {
    const periods = periodsOf(q.range, q.granularity);
    const sums = await this.sumsByPeriod(periods, q.filters ?? {}, q.groupBy);
    const groups = this.groupsOf(sums, q.filters ?? {}, q.groupBy);
    if (periods.length * groups.length > MAX_POINTS)
      throw new InsightsQueryError(
        'groupBy',
        `${periods.length * groups.length} points is more than ${MAX_POINTS}: filter the groups or shorten the range`,
      );
    const minSample = q.minSample ?? DEFAULT_MIN_SAMPLE;
    const points = groups.flatMap((group) =>
      periods.map((p, i) => {
        const v = this.evaluate(q.metric, sums.get(group)?.[i] ?? emptySums());
        return { period: p.label, group, ...v, lowSample: v.n < minSample };
      }),
    );
    return {
      metric: q.metric,
      granularity: q.granularity,
      timezone: q.range.timezone,
      groupBy: q.groupBy ?? null,
      points,
    };
  }

  /** One metric over a range against a baseline range, per group, with the change and its significance. */
  async compare(q: CompareQuery): Promise<CompareResult> {
    const [current, baseline] = await Promise.all([
      this.totals(q.current, q.filters ?? {}, q.groupBy),
      this.totals(q.baseline, q.filters ?? {}, q.groupBy),
    ]);
    const byGroup = (rows: GroupSums[]) => new Map(rows.map((r) => [r.group, r.sums]));
    const [cur, base] = [byGroup(current), byGroup(baseline)];
    const groups = !q.groupBy
      ? [null]
      : [...new Set([...cur.keys(), ...base.keys()])].sort((a, b) => String(a).localeCompare(String(b)));
    const metric = METRIC_REGISTRY[q.metric];
    const minSample = q.minSample ?? DEFAULT_MIN_SAMPLE;
    const rows = groups.map((group) => {
      const [a, b] = [base.get(group) ?? emptySums(), cur.get(group) ?? emptySums()];
      const [va, vb] = [this.evaluate(q.metric, a), this.evaluate(q.metric, b)];
      const test = va.value === null || vb.value === null ? null : metric.change(a, b);
      return {
        group,
        current: vb,
        baseline: va,
        change: {
          difference: test?.difference ?? null,
          ci: test?.ci ?? null,
          pValue: test?.pValue ?? null,
          qValue: null,
        },
        lowSample: va.n < minSample || vb.n < minSample,
      } as GroupComparison;
    });
    const q_ = benjaminiHochberg(rows.map((r) => r.change.pValue));
    rows.forEach((r, i) => (r.change.qValue = q_[i]));
    rows.sort(
      (x, y) =>
        (x.change.qValue ?? 2) - (y.change.qValue ?? 2) ||
        Math.abs(y.change.difference ?? 0) - Math.abs(x.change.difference ?? 0),
    );
    const iso = (d: Date) => d.toISOString();
    return {
      metric: q.metric,
      timezone: q.current.timezone,
      groupBy: q.groupBy ?? null,
      current: { from: iso(q.current.from), to: iso(q.current.to) },
      baseline: { from: iso(q.baseline.from), to: iso(q.baseline.to) },
      groups: rows,
    };
  }

  /** The sums of each group over a whole range: for modules that combine several metrics themselves. */
  async totals(range: TimeRange, filters: QueryFilters, groupBy?: QueryDimension): Promise<GroupSums[]> {
    const period: Period = { label: '', from: range.from.getTime(), to: range.to.getTime() };
    const sums = await this.sumsByPeriod([period], filters, groupBy);
    return [...sums.entries()].map(([group, perPeriod]) => ({ group, sums: perPeriod[0] }));
  }

  /**
   * `totals` for several values of one dimension at once (one read instead of one per value): the sums of each
   * `groupBy` group within each value of `splitBy` the filters list, keyed by that value. The same sums as
   * `totals(range, { ...filters, [splitBy]: [value] }, groupBy)` for each value: the filters keep the
   * question on the same rollup tables.
   */
  async totalsPer(
    range: TimeRange,
    filters: QueryFilters,
    groupBy: QueryDimension,
    splitBy: QueryDimension,
  ): Promise<Map<string, GroupSums[]>> {
    const period: Period = { label: '', from: range.from.getTime(), to: range.to.getTime() };
    const out = new Map<string, GroupSums[]>((filters[splitBy] ?? []).map((v) => [v, []]));
    if (!out.size) return out;
    const sums = await this.sumsByPeriod([period], filters, groupBy, splitBy);
    for (const [key, perPeriod] of sums) {
      const [value, group] = JSON.parse(key as string) as [string, string | null];
      out.get(value)?.push({ group, sums: perPeriod[0] });
    }
    return out;
  }

  evaluate(metric: MetricName, sums: RollupSums): MetricValue {
    const m = METRIC_REGISTRY[metric];
    const n = m.n(sums);
    return { value: n > 0 ? m.value(sums) : null, n, ci: n > 0 ? m.interval(sums) : null };
  }

  /**
   * Sums per group, per period (index into `periods`): whole months, ISO weeks and UTC days, plus or minus the
   * hours of the UTC days its edges cut (see bucketPlan). Questions touching at most two item dimensions read the slices
   * (edge hours: at most one), others the rollups keyed by every dimension (days and hours only).
   * With `splitBy` (a dimension the filters list), groups are also split by its value: keys are then
   * `JSON.stringify([value, group])`.
   */
  async sumsByPeriod(
    periods: Period[],
    filters: QueryFilters,
    groupBy?: QueryDimension,
    splitBy?: QueryDimension,
  ): Promise<Map<string | null, RollupSums[]>> {
    const plan = bucketPlan(periods);
    const dims = itemDimensionsOf(filters, groupBy).length;
    // Each read carries the ranges its rows are added for and, for hours, those they are subtracted for.
    const read = async (grain: SliceGrain, ranges: BucketRange[], minus: BucketRange[] = []) =>
      !ranges.length && !minus.length
        ? { rows: [], ranges, minus }
        : (dims <= SLICE_MAX_DIMS[grain]
            ? this.repository.sliceSums(grain, mergedRanges([...ranges, ...minus]), filters, groupBy, splitBy)
            : this.repository.sums(
                grain as RollupGrain,
                mergedRanges([...ranges, ...minus]),
                filters,
                groupBy,
                splitBy,
              )
          ).then((rows) => ({ rows, ranges, minus }));
    const coarse = dims <= SLICE_MAX_DIMS.day ? coarsen(plan.days) : { month: [], week: [], day: plan.days };
    const reads = await Promise.all([
      read('month', coarse.month),
      read('week', coarse.week),
      read('day', coarse.day),
      read('hour', plan.hours, plan.minusHours),
    ]);
    const out = new Map<string | null, RollupSums[]>();
    const perPeriodOf = (group: string | null) => {
      let perPeriod = out.get(group);
      if (!perPeriod) out.set(group, (perPeriod = periods.map(() => emptySums())));
      return perPeriod;
    };
    for (const { rows, ranges, minus } of reads)
      for (const row of rows) {
        const key = splitBy ? JSON.stringify([row.split, row.group]) : row.group;
        const period = periodOfBucket(ranges, row.bucket);
        if (period >= 0) addInto(perPeriodOf(key)[period], row.sums, 1);
        const minusPeriod = minus.length ? periodOfBucket(minus, row.bucket) : -1;
        if (minusPeriod >= 0) addInto(perPeriodOf(key)[minusPeriod], row.sums, -1);
      }
    return out;
  }

  /** Groups seen in the data, plus the filtered values of the grouped dimension (so they show even when empty). */
  private groupsOf(
    sums: Map<string | null, RollupSums[]>,
    filters: QueryFilters,
    groupBy?: QueryDimension,
  ): (string | null)[] {
    if (!groupBy) return [null];
    const groups = new Set<string>([...sums.keys()].map(String));
    for (const v of filters[groupBy] ?? []) groups.add(v);
    return [...groups].sort();
  }
}
