import { DateTime, IANAZone } from 'luxon';
import { SIGNAL_TYPES } from '../analysis/engine/signals/signal-rules';
import { CHANNELS, FEEDBACK_KINDS, JOURNEY_STAGES } from '../feedback/dto/feedback-enums';
import type { Granularity } from '../rollups/query/insights-query.types';
import {
  InsightsQueryError,
  QUERY_DIMENSIONS,
  QueryDimension,
  QueryFilters,
  TimeRange,
} from '../rollups/query/insights-query.types';
import { MS_PER_HOUR } from '../rollups/rollup-facts';
import { InsightsFiltersQuery } from './dto/trends.query';

const CLOSED: Partial<Record<QueryDimension, readonly string[]>> = {
  kind: FEEDBACK_KINDS,
  channel: CHANNELS,
  journeyStage: JOURNEY_STAGES,
  signal: SIGNAL_TYPES,
};
const MAX_VALUES = 100;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);

export function parseFilters(q: InsightsFiltersQuery): QueryFilters {
  const filters: QueryFilters = {};
  for (const dim of QUERY_DIMENSIONS) {
    const raw = q[dim];
    if (raw === undefined) continue;
    const values = [...new Set(raw.split(',').map((v) => v.trim()))];
    if (values.some((v) => !v))
      throw new InsightsQueryError(dim, 'must be a comma-separated list of non-empty values');
    if (values.length > MAX_VALUES) throw new InsightsQueryError(dim, `at most ${MAX_VALUES} values`);
    if (values.some((v) => v.length > 100))
      throw new InsightsQueryError(dim, 'values are at most 100 characters');
    const allowed = CLOSED[dim];
    const unknown = allowed ? values.filter((v) => !allowed.includes(v)) : [];
    if (unknown.length)
      throw new InsightsQueryError(dim, `unknown value(s) ${unknown.join(', ')}: use ${allowed!.join(', ')}`);
    filters[dim] = values;
  }
  if (filters.topic && filters.signal)
    throw new InsightsQueryError(
      'signal',
      'cannot be combined with topic (rollups keep topic rows and signal rows apart)',
    );
  const g = q.groupBy as QueryDimension | undefined;
  if ((g === 'topic' && filters.signal) || (g === 'signal' && filters.topic))
    throw new InsightsQueryError('groupBy', 'topic and signal cannot be combined');
  return filters;
}

export function parseZone(timezone = 'UTC'): string {
  if (!IANAZone.isValidZone(timezone))
    throw new InsightsQueryError('timezone', `unknown IANA time zone ${timezone}`);
  if (IANAZone.create(timezone).offset(Date.now()) % 60 !== 0)
    throw new InsightsQueryError(
      'timezone',
      'only zones whose offset is a whole number of hours are supported (rollups are hourly)',
    );
  return timezone;
}

/** A date is midnight in the zone; a date-time without an offset is read in the zone; both on a whole hour. */
export function parseInstant(field: string, value: string, zone: string): Date {
  if (!DATE.test(value) && !DATE_TIME.test(value))
    throw new InsightsQueryError(field, 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time');
  const parsed = DateTime.fromISO(value, { zone });
  if (!parsed.isValid)
    throw new InsightsQueryError(field, `is not a valid date: ${parsed.invalidExplanation ?? value}`);
  const ms = parsed.toMillis();
  if (ms < EARLIEST || ms > LATEST) throw new InsightsQueryError(field, 'must be between 1990 and 2200');
  if (ms % MS_PER_HOUR !== 0)
    throw new InsightsQueryError(field, 'must fall on a whole hour (rollups are hourly)');
  return new Date(ms);
}

export function parseRange(
  from: string | undefined,
  to: string | undefined,
  zone: string,
  names = ['from', 'to'],
): TimeRange {
  const end = to
    ? parseInstant(names[1], to, zone)
    : DateTime.now().setZone(zone).startOf('day').plus({ days: 1 }).toJSDate();
  const start = from
    ? parseInstant(names[0], from, zone)
    : DateTime.fromJSDate(end, { zone }).minus({ days: 90 }).toJSDate();
  if (start.getTime() >= end.getTime()) throw new InsightsQueryError(names[0], `must be before ${names[1]}`);
  return { from: start, to: end, timezone: zone };
}

/** The baseline of a comparison: as given, or the stretch of the same length just before `current`. */
export function parseBaseline(
  compareFrom: string | undefined,
  compareTo: string | undefined,
  current: TimeRange,
): TimeRange {
  const zone = current.timezone;
  const length = current.to.getTime() - current.from.getTime();
  const from = compareFrom ? parseInstant('compareFrom', compareFrom, zone) : undefined;
  const to = compareTo ? parseInstant('compareTo', compareTo, zone) : undefined;
  const end = to ?? (from ? new Date(from.getTime() + length) : current.from);
  const start = from ?? new Date(end.getTime() - length);
  if (start.getTime() >= end.getTime())
    throw new InsightsQueryError('compareFrom', 'must be before compareTo');
  return { from: start, to: end, timezone: zone };
}

/** The query fields every series endpoint shares (trends, indices), parsed once; 400 on any bad value. */
export interface SeriesScopeQuery extends Omit<InsightsFiltersQuery, 'metric'> {
  from?: string;
  to?: string;
  timezone?: string;
  granularity?: string;
  groupBy?: string;
  minSample?: number;
}

export function parseSeriesScope(q: SeriesScopeQuery) {
  const zone = parseZone(q.timezone);
  return {
    granularity: (q.granularity ?? 'week') as Granularity,
    range: parseRange(q.from, q.to, zone),
    // parseFilters reads only the dimension fields, which a series query without a metric has too.
    filters: parseFilters(q as InsightsFiltersQuery),
    groupBy: q.groupBy as QueryDimension | undefined,
    minSample: q.minSample,
  };
}
