import type { Interval } from '../../../core/statistics';
import { ITEM_DIMENSIONS, type ItemDimension } from '../../feedback/item-dimensions';
import type { RollupSums } from '../rollup-facts';
import type { MetricName } from './metric-registry';

/** What analytics can filter and group by: the item dimensions plus topic and signal (one row per mention). */
export const QUERY_DIMENSIONS = [...ITEM_DIMENSIONS, 'topic', 'signal'] as const;
export type QueryDimension = (typeof QUERY_DIMENSIONS)[number];
export type { ItemDimension };

export const GRANULARITIES = ['day', 'week', 'month', 'quarter'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Most points one answer may hold (periods × groups). */
export const MAX_POINTS = 5_000;

/** Each listed dimension keeps only rows whose value is one of the list ('' = no value). */
export type QueryFilters = Partial<Record<QueryDimension, string[]>>;

/** A time range in one IANA zone: `from` inclusive, `to` exclusive, both instants on whole hours. */
export interface TimeRange {
  from: Date;
  to: Date;
  timezone: string;
}

export interface SeriesQuery {
  metric: MetricName;
  granularity: Granularity;
  range: TimeRange;
  filters?: QueryFilters;
  groupBy?: QueryDimension;
  /** Points with fewer answers than this are flagged `lowSample` (default 30). */
  minSample?: number;
}

export interface MetricValue {
  value: number | null;
  n: number;
  ci: Interval | null;
}

export interface SeriesPoint extends MetricValue {
  /** The bucket's first day in the query's zone, YYYY-MM-DD. */
  period: string;
  group: string | null;
  lowSample: boolean;
}

export interface SeriesResult {
  metric: MetricName;
  granularity: Granularity;
  timezone: string;
  groupBy: QueryDimension | null;
  points: SeriesPoint[];
}

export interface CompareQuery {
  metric: MetricName;
  current: TimeRange;
  baseline: TimeRange;
  filters?: QueryFilters;
  groupBy?: QueryDimension;
  minSample?: number;
}

export interface GroupComparison {
  group: string | null;
  current: MetricValue;
  baseline: MetricValue;
  /** current − baseline, its 95 % interval, p-value, and the Benjamini–Hochberg q-value across the groups. */
  change: { difference: number | null; ci: Interval | null; pValue: number | null; qValue: number | null };
  lowSample: boolean;
}

export interface CompareResult {
  metric: MetricName;
  timezone: string;
  groupBy: QueryDimension | null;
  current: { from: string; to: string };
  baseline: { from: string; to: string };
  /** Ranked: significant movers (smallest q) first, then by the size of the change. */
  groups: GroupComparison[];
}

/** Sums of one group over a whole range: what other modules (indices, digest) build their own numbers on. */
export interface GroupSums {
  group: string | null;
  sums: RollupSums;
}

/** A bad query, reported as a 400 with the field and the reason by the HTTP layer. */
export class InsightsQueryError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
