import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { uuidV7 } from '../../core/ids/uuid-v7';
import { DataSource } from 'typeorm';
import { JobName } from '../../core/job-queue/job-registry';
import { OutboxService } from '../../core/outbox/outbox.service';
import { OutboxMessageEntity } from '../../core/outbox/outbox-message.entity';
import { CustomersService } from '../customers/customers.service';
import type { FeedbackInput } from './dto/feedback-input.type';
import { FeedbackEntity } from './entities/feedback.entity';
import { toFeedbackEntity } from './feedback.mapper';
import { externalKey, FeedbackRepository } from './feedback.repository';
import { redactFeedbackFields } from './pii/redact-feedback-fields';
import { FieldError } from './validation/field-error.type';
import { validateFeedbackInput } from './validation/validate-feedback-input';
import { SingleIngestCoalescer } from './single-ingest-coalescer';

export type IngestOutcome =
  | { index: number; status: 'created'; id: string }
  | { index: number; status: 'duplicate'; id: string }
  | { index: number; status: 'rejected'; errors: FieldError[] };

export interface IngestOptions {
  /** Fills `source` when an item has none (webhooks, bulk import). */
  defaultSource?: string;
  /** Fills `kind` when an item has none (bulk import). */
  defaultKind?: string;
}

/** MySQL TEXT holds 65,535 bytes: 20,000 characters of emoji would not fit, so refuse rather than truncate. */
const MAX_TEXT_BYTES = 65_535;
/** Analysis jobs carry up to this many ids. */
export const ANALYSIS_BATCH_SIZE = 200;

interface Prepared {
  index: number;
  input: FeedbackInput;
  id: string;
  text?: string;
  title?: string;
  redacted: string[];
}

/**
 * Validates, redacts, resolves customers, de-duplicates and stores feedback with its analysis job in one
 * transaction; the job goes to the queue after commit. A returned outcome means the row is committed.
 */
@Injectable()
export class FeedbackIngestionService {
  private readonly logger = new Logger(FeedbackIngestionService.name);
  private readonly singles = new SingleIngestCoalescer((raws, options) => this.ingest(raws, options));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: FeedbackRepository,
    private readonly customers: CustomersService,
    private readonly outbox: OutboxService,
  ) {}

  async ingest(raws: unknown[], options: IngestOptions = {}): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = new Array(raws.length);
    const prepared: Prepared[] = [];
    for (const [index, raw] of raws.entries()) {
      const result = validateFeedbackInput(withDefaults(raw, options));
      if (!result.ok) {
        outcomes[index] = { index, status: 'rejected', errors: result.errors };
        continue;
      }
      const item = prepare(index, result.value);
      if ('errors' in item) outcomes[index] = { index, status: 'rejected', errors: item.errors };
      else prepared.push(item);
    }
    if (!prepared.length) return outcomes;

    const messages: OutboxMessageEntity[] = [];
    await this.dataSource.transaction(async (manager) => {
      const resolved = await this.customers.resolve(
        manager,
        prepared.map((p) => ({ source: p.input.source, customer: p.input.customer })),
      );
      const now = new Date();
      const rows: FeedbackEntity[] = [];
      const firstOfKey = new Map<string, Prepared>();
      const laterCopies: { index: number; first: Prepared }[] = [];
      const keep: Prepared[] = [];
      for (const [i, item] of prepared.entries()) {
        if (resolved[i].erased) {
          outcomes[item.index] = {
            index: item.index,
            status: 'rejected',
            errors: [
              { field: 'customer', reason: 'this customer was erased; their feedback is not accepted again' },
            ],
          };
          continue;
        }
        const key =
          item.input.externalId !== undefined
            ? externalKey(item.input.source, item.input.externalId)
            : undefined;
        if (key && firstOfKey.has(key)) {
          laterCopies.push({ index: item.index, first: firstOfKey.get(key)! });
          continue;
        }
        if (key) firstOfKey.set(key, item);
        keep.push(item);
        rows.push(toFeedbackEntity(item.input, item.id, resolved[i].customerId, item, now));
      }
      const written = await this.repository.insertIgnoringDuplicates(manager, rows);
      // Fewer rows written than sent: some (source, externalId) were stored before; find their ids.
      const allWritten = written === rows.length;
      const stored = allWritten
        ? new Map<string, string>()
        : await this.repository.findIdsByExternal(
            manager,
            keep
              .filter((p) => p.input.externalId !== undefined)
              .map((p) => ({ source: p.input.source, externalId: p.input.externalId! })),
          );
      const created: string[] = [];
      for (const item of keep) {
        const storedId =
          !allWritten && item.input.externalId !== undefined
            ? stored.get(externalKey(item.input.source, item.input.externalId))
            : item.id;
        if (storedId === item.id) {
          outcomes[item.index] = { index: item.index, status: 'created', id: item.id };
          created.push(item.id);
        } else {
          if (!storedId)
            // The externalId stays out of the message: it is the sender's data and ends up in logs.
            throw new Error(`feedback from ${item.input.source} was neither inserted nor found`);
          outcomes[item.index] = { index: item.index, status: 'duplicate', id: storedId };
        }
      }
      // A copy within the call answers with the id that was stored, which is not the first copy's own
      // id when another transaction stored that item first.
      for (const copy of laterCopies) {
        outcomes[copy.index] = {
          index: copy.index,
          status: 'duplicate',
          id: (outcomes[copy.first.index] as { id: string }).id,
        };
      }
      for (let i = 0; i < created.length; i += ANALYSIS_BATCH_SIZE) {
        messages.push(
          await this.outbox.add(manager, JobName.AnalyseFeedback, {
            feedbackIds: created.slice(i, i + ANALYSIS_BATCH_SIZE),
          }),
        );
      }
    });
    // Committed: the answer must not wait for the queue. What cannot be sent now the sweeper sends later.
    this.outbox.sendSoon(messages);
    return outcomes;
  }

  /** Concurrent calls share transactions (see SingleIngestCoalescer); each gets its own outcome. */
  ingestOne(raw: unknown, options: IngestOptions = {}): Promise<IngestOutcome> {
    return this.singles.submit(raw, options);
  }
}

function withDefaults(raw: unknown, options: IngestOptions): unknown {
  if (!options.defaultSource && !options.defaultKind) return raw;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const filled: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  if (options.defaultSource && filled.source === undefined) filled.source = options.defaultSource;
  if (options.defaultKind && filled.kind === undefined) filled.kind = options.defaultKind;
  return filled;
}

/** Personal data leaves every free-text field before it is stored, logged or queued. */
function prepare(index: number, input: FeedbackInput): Prepared | { errors: FieldError[] } {
  const redaction = redactFeedbackFields(input);
  if (!redaction.ok) return { errors: redaction.errors };
  const clean = redaction.input;
  const text = clean.text;
  if (text !== undefined && Buffer.byteLength(text, 'utf8') > MAX_TEXT_BYTES) {
    return { errors: [{ field: 'text', reason: `must be at most ${MAX_TEXT_BYTES} bytes of UTF-8` }] };
  }
  const title = clean.kind === 'review' ? clean.title : undefined;
  return { index, input: clean, id: uuidV7(), text, title, redacted: redaction.redacted };
}
