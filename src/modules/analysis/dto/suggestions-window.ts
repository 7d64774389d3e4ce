import { ValidationFailedException } from '../../../core/http/app.exception';
import type { TextFilters } from '../../feedback/feedback.repository';
import { TEXT_FILTER_FIELDS } from '../../feedback/feedback.repository';
import type { InsightsFiltersQuery } from '../../insights/dto/trends.query';
import { parseFilters } from '../../insights/trends-query.parser';
import { InsightsQueryError } from '../../rollups/query/insights-query.types';
import { type SuggestionWindow, suggestionWindow } from '../topic-suggestions.service';
import type { SuggestionsQuery } from './analysis.dto';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The query's window: from/to when given (any past window), else the last recentDays days before `to`. */
export function windowOf(query: SuggestionsQuery, now = new Date()): SuggestionWindow {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - (query.recentDays ?? 14) * DAY_MS);
  if (from >= to) throw new ValidationFailedException([{ field: 'from', reason: 'must be before to' }]);
  let baselineFrom = query.baselineFrom ? new Date(query.baselineFrom) : undefined;
  if (!baselineFrom && !query.from)
    baselineFrom = new Date(from.getTime() - (query.baselineDays ?? 56) * DAY_MS);
  if (baselineFrom && baselineFrom >= from)
    throw new ValidationFailedException([{ field: 'baselineFrom', reason: 'must be before from' }]);
  return suggestionWindow(from, to, baselineFrom);
}

/** The item filters, parsed by the analytics API's own parser (the same 400s for the same mistakes). */
export function filtersOf(query: SuggestionsQuery): TextFilters {
  const picked: Record<string, string> = {};
  for (const field of TEXT_FILTER_FIELDS) if (query[field] !== undefined) picked[field] = query[field];
  try {
    return parseFilters(picked as unknown as InsightsFiltersQuery);
  } catch (error) {
    if (error instanceof InsightsQueryError)
      throw new ValidationFailedException([{ field: error.field, reason: error.reason }]);
    throw error;
  }
}

export const SUGGESTIONS_EXAMPLE = {
  window: {
    from: '2026-04-27T00:00:00.000Z',
    to: '2026-05-04T00:00:00.000Z',
    baselineFrom: '2026-03-30T00:00:00.000Z',
    baselineTo: '2026-04-27T00:00:00.000Z',
  },
  suggestions: [
    {
      phrase: 'error',
      key: 'error',
      score: 18.1,
      recentCount: 11,
      baselineCount: 0,
      recentCustomers: 11,
      recentShare: 0.034,
      baselineShare: 0,
      lift: 102.4,
      liftLowerBound: 18.1,
      pValue: 7.8e-9,
      isNew: true,
      examples: ['Checkout shows an error after I click pay and the order never goes through.'],
      exampleIds: ['0b9d3f4e-8f6c-4c55-9a43-6b1f0e2f7a10'],
      coveredShare: 1,
      coveredBy: [{ key: 'ordering', share: 0.9 }],
    },
  ],
  recentTexts: 321,
  baselineTexts: 1432,
  uncoveredOnly: false,
  filters: {},
};
