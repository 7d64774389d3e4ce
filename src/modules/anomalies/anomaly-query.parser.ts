import { createHash } from 'node:crypto';
import { AppException, ValidationFailedException } from '../../core/http/app.exception';
import { FieldProblem } from '../../core/http/error-body';
import { AnomalyFilter } from './anomalies.repository';
import { ANOMALY_DIMENSIONS, ANOMALY_KINDS } from './anomaly-kinds';
import { ListAnomaliesQuery } from './dto/anomaly-queries.dto';

const validDay = (day: string) =>
  !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

/** Lists split and checked against their vocabularies, days checked: 400 naming every bad field. */
export function parseAnomalyFilter(query: ListAnomaliesQuery): AnomalyFilter {
  const problems: FieldProblem[] = [];
  const filter: AnomalyFilter = {};
  const list = (field: 'kind' | 'dimension' | 'value', vocabulary?: readonly string[]) => {
    const raw = query[field];
    if (raw === undefined) return;
    const values = [...new Set(raw.split(',').map((v) => v.trim()))];
    const unknown = values.find((v) => v === '' || (vocabulary && !vocabulary.includes(v)));
    if (unknown !== undefined)
      problems.push({
        field,
        reason: vocabulary
          ? `unknown value "${unknown}"; must be one of ${vocabulary.join(', ')}`
          : 'must not hold empty values',
      });
    else filter[field] = values;
  };
  list('kind', ANOMALY_KINDS);
  list('dimension', ANOMALY_DIMENSIONS);
  list('value');
  for (const field of ['from', 'to'] as const)
    if (query[field] !== undefined && !validDay(query[field]))
      problems.push({ field, reason: 'is not a calendar date' });
  if (query.from && query.to && query.from >= query.to)
    problems.push({ field: 'from', reason: 'must be before to' });
  if (problems.length) throw new ValidationFailedException(problems);
  filter.fromDay = query.from;
  filter.toDay = query.to;
  return filter;
}

export function validRange(from: string | undefined, to: string | undefined): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, day] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (day !== undefined && !validDay(day)) problems.push({ field, reason: 'is not a calendar date' });
  if (from && to && from > to) problems.push({ field: 'from', reason: 'must not be after to' });
  return problems;
}

const fingerprint = (query: ListAnomaliesQuery) =>
  createHash('sha256')
    .update(JSON.stringify([query.kind, query.dimension, query.value, query.from, query.to]))
    .digest('base64url')
    .slice(0, 12);

export function encodeAnomalyCursor(query: ListAnomaliesQuery, last: { day: string; id: string }): string {
  return Buffer.from(`${fingerprint(query)}|${last.day}|${last.id}`).toString('base64url');
}

export function decodeAnomalyCursor(query: ListAnomaliesQuery, cursor: string): { day: string; id: string } {
  const [q, day, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const bad = (reason: string) =>
    new AppException(400, `cursor ${reason}`, 'INVALID_CURSOR', [{ field: 'cursor', reason }]);
  if (!day || !id || !/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^[0-9a-f-]{36}$/.test(id))
    throw bad('is not one this API returned');
  if (q !== fingerprint(query)) throw bad('belongs to another query');
  return { day, id };
}
