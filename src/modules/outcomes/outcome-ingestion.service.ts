import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { uuidV7 } from '../../core/ids/uuid-v7';
import { CustomerClaim, CustomersService } from '../customers/customers.service';
import { CustomerFiguresService } from '../rollups/customer-figures/customer-figures.service';
import type { IngestOptions, IngestOutcome } from '../feedback/feedback-ingestion.service';
import { SingleIngestCoalescer } from '../feedback/single-ingest-coalescer';
import type { FieldError } from '../feedback/validation/field-error.type';
import { OutcomeFlag, SUBSCRIPTION_EVENTS } from './dto/outcome-enums';
import type { OutcomeInput } from './dto/outcome-input.type';
import { OutcomeEntity } from './entities/outcome.entity';
import { derivedExternalId, ResolvedPeople, toOutcomeEntity } from './outcome-rows';
import { FOLD_BATCH_SIZE, JobName } from '../../core/job-queue/job-registry';
import { OutboxService } from '../../core/outbox/outbox.service';
import { OutboxMessageEntity } from '../../core/outbox/outbox-message.entity';
import { outcomeKey, OutcomeRepository } from './outcome.repository';
import { validateOutcomeInput } from './validation/validate-outcome-input';
import { retryOnDeadlock } from '../../database/database-errors';

interface Prepared {
  index: number;
  input: OutcomeInput;
  id: string;
}

/** Items found bad only once their customers were resolved: the transaction is rolled back and rerun without them. */
class LateRejections extends Error {
  constructor(readonly rejected: Map<number, FieldError[]>) {
    super('outcome items rejected after customer resolution');
  }
}

const ERASED: FieldError = {
  field: 'customer',
  reason: 'this customer was erased; their outcomes are not accepted again',
};
const SELF_REFERRAL: FieldError = {
  field: 'referred',
  reason: 'must not be the referrer (a referral to oneself)',
};

/**
 * Outcome events in with the guarantees of feedback: validated as a whole, people resolved to customers
 * (identities hashed, nothing personal stored), exactly once by (source, externalId), and a returned answer
 * means committed. An item rejected after resolution leaves nothing behind: the transaction is rerun
 * without it.
 */
@Injectable()
export class OutcomeIngestionService {
  private readonly singles = new SingleIngestCoalescer((raws, options) => this.ingest(raws, options));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: OutcomeRepository,
    private readonly customers: CustomersService,
    private readonly customerFigures: CustomerFiguresService,
    private readonly outbox: OutboxService,
  ) {}

  async ingest(raws: unknown[], options: IngestOptions = {}): Promise<IngestOutcome[]> {
    const outcomes: IngestOutcome[] = new Array(raws.length);
    let prepared: Prepared[] = [];
    for (const [index, raw] of raws.entries()) {
      const result = validateOutcomeInput(withDefaultSource(raw, options.defaultSource));
      if (!result.ok) outcomes[index] = { index, status: 'rejected', errors: result.errors };
      else if (this.refersToSelf(result.value))
        outcomes[index] = { index, status: 'rejected', errors: [SELF_REFERRAL] };
      else prepared.push({ index, input: result.value, id: uuidV7() });
    }
    let messages: OutboxMessageEntity[] = [];
    while (prepared.length) {
      try {
        // A deadlock (customer rows shared with concurrent requests) rolls the whole batch back: run it again.
        messages = await retryOnDeadlock(() =>
          this.dataSource.transaction((manager) => this.store(manager, prepared, outcomes)),
        );
        break;
      } catch (error) {
        if (!(error instanceof LateRejections)) throw error;
        for (const [index, errors] of error.rejected) outcomes[index] = { index, status: 'rejected', errors };
        prepared = prepared.filter((p) => !error.rejected.has(p.index));
      }
    }
    // Committed: the answer does not wait for the queue. What cannot be sent now the outbox sweeper sends later.
    this.outbox.sendSoon(messages);
    return outcomes;
  }

  /** Concurrent single posts share transactions (see SingleIngestCoalescer). */
  ingestOne(raw: unknown, options: IngestOptions = {}): Promise<IngestOutcome> {
    return this.singles.submit(raw, options);
  }

  /** Different spellings of one identity (phone formats, email case) hash alike. */
  private refersToSelf(input: OutcomeInput): boolean {
    if (input.type !== 'referral') return false;
    const referrer = new Set(
      this.customers.keysOf({ source: input.source, customer: input.referrer }).map((k) => k.hash),
    );
    return this.customers
      .keysOf({ source: input.source, customer: input.referred })
      .some((k) => referrer.has(k.hash));
  }

  private async store(
    manager: EntityManager,
    prepared: Prepared[],
    outcomes: IngestOutcome[],
  ): Promise<OutboxMessageEntity[]> {
    const people = await this.resolvePeople(manager, prepared);
    const flags = await this.churnFlags(manager, prepared, people);
    const now = new Date();
    const rows: OutcomeEntity[] = [];
    const firstOfKey = new Map<string, Prepared>();
    const copies: { index: number; first: Prepared }[] = [];
    const keep: { item: Prepared; key: string; externalId: string }[] = [];
    for (const [i, item] of prepared.entries()) {
      const externalId = item.input.externalId ?? derivedExternalId(item.input, people[i]);
      const key = outcomeKey(item.input.source, externalId);
      const first = firstOfKey.get(key);
      if (first) {
        copies.push({ index: item.index, first });
        continue;
      }
      firstOfKey.set(key, item);
      keep.push({ item, key, externalId });
      rows.push(toOutcomeEntity(item.input, item.id, externalId, people[i], flags[i], now));
    }
    const written = await this.repository.insertIgnoringDuplicates(manager, rows);
    const stored =
      written === rows.length
        ? undefined
        : await this.repository.findIdsByExternal(
            manager,
            keep.map((k) => ({ source: k.item.input.source, externalId: k.externalId })),
          );
    const created: OutcomeEntity[] = [];
    for (const [k, { item, key }] of keep.entries()) {
      const id = stored ? stored.get(key) : item.id;
      if (!id) throw new Error(`outcome ${key} was neither inserted nor found`);
      outcomes[item.index] = { index: item.index, status: id === item.id ? 'created' : 'duplicate', id };
      if (id === item.id) created.push(rows[k]);
    }
    for (const copy of copies) {
      const id = (outcomes[copy.first.index] as { id: string }).id;
      outcomes[copy.index] = { index: copy.index, status: 'duplicate', id };
    }
    // The SAT indices' customer-level figures count the new events in a job, exactly once (see
    // CustomerFiguresService.markOutcomesPending); their pending rows and the job commit with them.
    const ids = created.map((o) => o.id);
    await this.customerFigures.markOutcomesPending(manager, ids, now);
    const messages: OutboxMessageEntity[] = [];
    for (let i = 0; i < ids.length; i += FOLD_BATCH_SIZE)
      messages.push(
        await this.outbox.add(manager, JobName.FoldOutcomeFigures, {
          outcomeIds: ids.slice(i, i + FOLD_BATCH_SIZE),
        }),
      );
    return messages;
  }

  /** One customer claim per person an event names; referrals name two. */
  private async resolvePeople(manager: EntityManager, prepared: Prepared[]): Promise<ResolvedPeople[]> {
    const claims: CustomerClaim[] = [];
    const slots: [number, number][] = [];
    for (const { input } of prepared) {
      const start = claims.length;
      if (input.type === 'referral')
        claims.push(
          { source: input.source, customer: input.referrer },
          { source: input.source, customer: input.referred },
        );
      else if (input.type === 'lifecycle') claims.push({ source: input.source, customer: input.customer });
      slots.push([start, claims.length]);
    }
    const resolved = await this.customers.resolve(manager, claims);
    const late = new Map<number, FieldError[]>();
    const people = prepared.map((item, i) => {
      const [start, end] = slots[i];
      const own = resolved.slice(start, end);
      if (own.some((r) => r.erased)) late.set(item.index, [ERASED]);
      else if (own.length === 2 && own[0].customerId === own[1].customerId)
        late.set(item.index, [SELF_REFERRAL]);
      return { customerId: own[0]?.customerId ?? null, relatedCustomerId: own[1]?.customerId ?? null };
    });
    if (late.size) throw new LateRejections(late);
    return people;
  }

  /**
   * A churn is flagged when its customer has no earlier subscribed, renewed, downgraded or reactivated
   * event, stored or in this batch. Judged on arrival: a subscription that arrives later does not clear it.
   */
  private async churnFlags(
    manager: EntityManager,
    prepared: Prepared[],
    people: ResolvedPeople[],
  ): Promise<OutcomeFlag[][]> {
    const churns = prepared.flatMap((p, i) =>
      p.input.type === 'lifecycle' && p.input.event === 'churned' ? [i] : [],
    );
    const flags: OutcomeFlag[][] = prepared.map(() => []);
    if (!churns.length) return flags;
    const latest = new Date(Math.max(...churns.map((i) => prepared[i].input.occurredAt.getTime())));
    const customerIds = [...new Set(churns.map((i) => people[i].customerId!))];
    const stored = await this.repository.subscriptionStarts(manager, customerIds, latest);
    for (const [i, p] of prepared.entries()) {
      if (p.input.type !== 'lifecycle' || !SUBSCRIPTION_EVENTS.has(p.input.event)) continue;
      const customerId = people[i].customerId!;
      const at = p.input.occurredAt.getTime();
      if (at < (stored.get(customerId) ?? Infinity)) stored.set(customerId, at);
    }
    for (const i of churns) {
      const first = stored.get(people[i].customerId!);
      if (first === undefined || first >= prepared[i].input.occurredAt.getTime())
        flags[i].push('churn_without_subscription');
    }
    return flags;
  }
}

function withDefaultSource(raw: unknown, source: string | undefined): unknown {
  if (!source || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const item = raw as Record<string, unknown>;
  return item.source === undefined ? { ...item, source } : raw;
}
