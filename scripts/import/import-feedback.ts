import type {
  FeedbackIngestionService,
  IngestOptions,
} from '../../src/modules/feedback/feedback-ingestion.service';
import type { FieldError } from '../../src/modules/feedback/validation/field-error.type';
import { redactReject } from './redact-reject';
import type { FeedbackFileItem } from './feedback-file-item.type';

export interface ImportOptions extends IngestOptions {
  /** Items per ingest() call, each one transaction. Default 500. */
  batchSize?: number;
  /** Every rejected line, in file order, as soon as its batch is done. */
  onReject?: (reject: ImportReject) => void | Promise<void>;
  /** After each batch: items handed to the service so far. */
  onBatch?: (itemsDone: number) => void;
}

export interface ImportReject {
  line: number;
  errors: FieldError[];
  /** The parsed item, so it can be fixed and imported again; absent when the line could not be read. */
  item?: unknown;
}

export interface ImportSummary {
  created: number;
  duplicate: number;
  rejected: number;
  /** Stored items without an externalId: importing them again would store them again. */
  withoutExternalId: number;
  /** The reader gave up before the end of the input (a CSV that cannot be parsed further). */
  stoppedEarly: boolean;
  seconds: number;
}

export const DEFAULT_BATCH_SIZE = 500;

/**
 * The one import path (the import and demo scripts both use it): items stream through ingest() one
 * batch at a time, so memory stays constant whatever the input size. Unreadable lines count as
 * rejects without reaching the service. A failing batch (database down) throws; batches before it
 * are committed, and importing again is safe for items with an externalId.
 */
export async function importFeedback(
  items: AsyncIterable<FeedbackFileItem> | Iterable<FeedbackFileItem>,
  ingestion: Pick<FeedbackIngestionService, 'ingest'>,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const summary: ImportSummary = {
    created: 0,
    duplicate: 0,
    rejected: 0,
    withoutExternalId: 0,
    stoppedEarly: false,
    seconds: 0,
  };
  const started = process.hrtime.bigint();
  let batch: FeedbackFileItem[] = [];
  let done = 0;

  const flush = async () => {
    const parsed = batch.filter((item) => item.error === undefined);
    const outcomes = parsed.length
      ? await ingestion.ingest(
          parsed.map((item) => item.raw),
          options,
        )
      : [];
    let next = 0;
    for (const item of batch) {
      if (item.error !== undefined) {
        summary.rejected++;
        await options.onReject?.({
          line: item.lineNumber,
          errors: [{ field: '(line)', reason: redactReject(item.error) }],
        });
        continue;
      }
      const outcome = outcomes[next++];
      if (outcome.status === 'rejected') {
        summary.rejected++;
        await options.onReject?.({
          line: item.lineNumber,
          errors: redactReject(outcome.errors),
          item: redactReject(item.raw),
        });
      } else {
        summary[outcome.status]++;
        if (outcome.status === 'created' && !hasExternalId(item.raw)) summary.withoutExternalId++;
      }
    }
    done += batch.length;
    batch = [];
    options.onBatch?.(done);
  };

  for await (const item of items) {
    if (item.fatal) summary.stoppedEarly = true;
    batch.push(item);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();
  summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return summary;
}

function hasExternalId(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { externalId?: unknown }).externalId != null;
}
