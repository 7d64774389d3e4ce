import { AppException } from '../../core/http/app.exception';
import { BatchResultDto, MAX_BATCH_ITEMS } from './dto/batch-feedback.dto';
import type { IngestOutcome } from './feedback-ingestion.service';

/** The `items` of a batch body (feedback or outcomes), or a 400 naming every problem with the envelope. */
export function batchItems(body: unknown, itemsAre: string): unknown[] {
  const items = (body as { items?: unknown } | null)?.items;
  const extra =
    body && typeof body === 'object' && !Array.isArray(body)
      ? Object.keys(body).filter((k) => k !== 'items')
      : [];
  const problems = [
    ...(Array.isArray(items) ? [] : [{ field: 'items', reason: `must be an array of ${itemsAre}` }]),
    ...(Array.isArray(items) && items.length === 0 ? [{ field: 'items', reason: 'must not be empty' }] : []),
    ...(Array.isArray(items) && items.length > MAX_BATCH_ITEMS
      ? [{ field: 'items', reason: `must hold at most ${MAX_BATCH_ITEMS} items` }]
      : []),
    ...extra.map((field) => ({ field, reason: `property ${field} should not exist` })),
  ];
  if (problems.length) throw new AppException(400, 'Batch rejected', 'VALIDATION_FAILED', problems);
  return items as unknown[];
}

/** A batch's answer: how many were created, duplicates and rejected, and every item's result in order. */
export function summariseBatch(results: IngestOutcome[]): BatchResultDto {
  const count = (status: IngestOutcome['status']) => results.filter((r) => r.status === status).length;
  return { created: count('created'), duplicate: count('duplicate'), rejected: count('rejected'), results };
}
