import { ValidationFailedException } from '../../core/http/app.exception';
import { FieldProblem } from '../../core/http/error-body';
import { SIGNAL_TYPES } from '../analysis/engine/signals/signal-rules';
import { CHANNELS, FEEDBACK_KINDS, JOURNEY_STAGES } from '../feedback/dto/feedback-enums';
import { ITEM_DIMENSIONS, ItemDimension } from '../feedback/item-dimensions';
import { ListVerbatimsQuery } from './dto/list-verbatims.query';
import { parseSearch, SearchTerm } from './search-terms';

export const SENTIMENT_LABELS = ['positive', 'neutral', 'negative', 'mixed'] as const;
const MAX_VALUES = 50;

/** The filters of a verbatim search, parsed and checked. */
export interface VerbatimFilter extends Partial<Record<ItemDimension, string[]>> {
  terms?: SearchTerm[];
  topic?: string[];
  signal?: string[];
  sentiment?: string[];
  from?: Date;
  to?: Date;
  /** Only these items (never from a request: how a page of already chosen items is read whole). */
  ids?: string[];
}

const VOCABULARIES: Partial<Record<keyof VerbatimFilter, readonly string[]>> = {
  kind: FEEDBACK_KINDS,
  channel: CHANNELS,
  journeyStage: JOURNEY_STAGES,
  signal: SIGNAL_TYPES,
  sentiment: SENTIMENT_LABELS,
};

const LIST_FIELDS = [...ITEM_DIMENSIONS, 'topic', 'signal', 'sentiment'] as const;

/** Splits the comma lists, checks closed vocabularies and the range; 400 with every bad field at once. */
export function parseVerbatimFilter(query: ListVerbatimsQuery): VerbatimFilter {
  const problems: FieldProblem[] = [];
  const filter: VerbatimFilter = {};
  for (const field of LIST_FIELDS) {
    const raw = query[field];
    if (raw === undefined) continue;
    const values = [...new Set(raw.split(',').map((v) => v.trim()))];
    const vocabulary = VOCABULARIES[field];
    if (values.some((v) => v === '' || v.length > 100))
      problems.push({ field, reason: 'must be a comma-separated list of values of 1 to 100 characters' });
    else if (values.length > MAX_VALUES)
      problems.push({ field, reason: `must list at most ${MAX_VALUES} values` });
    else if (vocabulary && values.some((v) => !vocabulary.includes(v)))
      problems.push({
        field,
        reason: `unknown value ${values.find((v) => !vocabulary.includes(v))}; must be one of ${vocabulary.join(', ')}`,
      });
    else filter[field] = values;
  }
  if (query.q !== undefined) {
    const terms = parseSearch(query.q);
    if (terms.length) filter.terms = terms;
    else problems.push({ field: 'q', reason: 'must contain at least one word' });
  }
  for (const field of ['from', 'to'] as const) {
    if (query[field] === undefined) continue;
    const at = new Date(query[field]);
    if (Number.isNaN(at.getTime())) problems.push({ field, reason: 'must be a valid date or date-time' });
    else filter[field] = at;
  }
  if (filter.from && filter.to && filter.from >= filter.to)
    problems.push({ field: 'from', reason: 'must be before to' });
  if (query.sort === 'relevance' && !filter.terms)
    problems.push({ field: 'sort', reason: 'relevance needs a search (q)' });
  if (problems.length) throw new ValidationFailedException(problems);
  return filter;
}
