import { DateTime } from 'luxon';
import { ValidationFailedException } from '../../core/http/app.exception';
import { InsightsFiltersQuery } from '../insights/dto/trends.query';
import { parseFilters, parseInstant, parseRange, parseZone } from '../insights/trends-query.parser';
import { InsightsQueryError, QueryFilters, TimeRange } from '../rollups/query/insights-query.types';
import { AnalyticsScopeQuery } from './dto/analytics-scope.query';

export interface AnalyticsScope {
  range: TimeRange;
  filters: QueryFilters;
}

/** The trends parser's rules (same 400s for the same mistakes), with a 28-day default range. */
export function parseScope(q: AnalyticsScopeQuery, defaultDays = 28): AnalyticsScope {
  return asValidation(() => {
    const zone = parseZone(q.timezone);
    const to = q.to ?? DateTime.now().setZone(zone).startOf('day').plus({ days: 1 }).toISO()!;
    const from =
      q.from ??
      DateTime.fromJSDate(parseInstant('to', to, zone), { zone })
        .minus({ days: defaultDays })
        .toISO()!;
    return {
      range: parseRange(from, to, zone),
      filters: parseFilters(q as unknown as InsightsFiltersQuery),
    };
  });
}

/** Runs a parse, turning the query layer's errors into the API's 400 with field and reason. */
export function asValidation<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof InsightsQueryError)
      throw new ValidationFailedException([{ field: error.field, reason: error.reason }]);
    throw error;
  }
}
