import { createHash } from 'node:crypto';
import { redactPii } from '../feedback/pii/redact-pii';
import type { OutcomeFlag } from './dto/outcome-enums';
import type { OutcomeInput } from './dto/outcome-input.type';
import type { OutcomeSourceRow } from '../rollups/customer-figures/customer-figures.repository';
import { OutcomeEntity } from './entities/outcome.entity';

export interface ResolvedPeople {
  customerId: string | null;
  relatedCustomerId: string | null;
}

/**
 * The id an event without `externalId` is stored under: a hash of what it says once its people are
 * customer ids (no personal data goes in), so the same event posted twice is stored once.
 */
export function derivedExternalId(input: OutcomeInput, people: ResolvedPeople): string {
  const parts: unknown[] = [
    input.type,
    people.customerId,
    people.relatedCustomerId,
    input.occurredAt.getTime(),
  ];
  if (input.type === 'referral') parts.push(input.status);
  else if (input.type === 'lifecycle') parts.push(input.event, input.value ?? null, input.currency ?? null);
  else
    parts.push(
      input.periodStart.getTime(),
      input.periodEnd.getTime(),
      input.segment ?? null,
      input.customersAtStart,
      input.retained,
      input.churned,
    );
  return `h:${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40)}`;
}

/** Metadata strings pass the same redaction as feedback text; returns the kinds found. */
export function redactMetadata(value: unknown, found: Set<string>): unknown {
  if (typeof value === 'string') {
    const result = redactPii(value);
    result.redacted.forEach((kind) => found.add(kind));
    return result.text;
  }
  if (Array.isArray(value)) return value.map((v) => redactMetadata(v, found));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactMetadata(v, found);
    return out;
  }
  return value;
}

export function toOutcomeEntity(
  input: OutcomeInput,
  id: string,
  externalId: string,
  people: ResolvedPeople,
  flags: OutcomeFlag[],
  receivedAt: Date,
): OutcomeEntity {
  const row: OutcomeEntity = {
    id,
    type: input.type,
    source: input.source,
    externalId,
    customerId: people.customerId,
    relatedCustomerId: people.relatedCustomerId,
    event: null,
    segment: null,
    value: null,
    currency: null,
    periodStart: null,
    periodEnd: null,
    customersAtStart: null,
    retained: null,
    churned: null,
    flags: flags.length ? flags.join(',') : null,
    metadata: input.metadata ? (redactMetadata(input.metadata, new Set()) as Record<string, unknown>) : null,
    occurredAt: input.occurredAt,
    receivedAt,
  };
  if (input.type === 'referral') {
    row.event = input.status;
    row.segment = input.referrer.segment ?? null;
  } else if (input.type === 'lifecycle') {
    row.event = input.event;
    row.segment = input.customer.segment ?? null;
    row.value = input.value ?? null;
    row.currency = input.currency ?? null;
  } else {
    row.segment = input.segment ?? null;
    row.periodStart = input.periodStart;
    row.periodEnd = input.periodEnd;
    row.customersAtStart = input.customersAtStart;
    row.retained = input.retained;
    row.churned = input.churned;
  }
  return row;
}

/** What the customer-level figures of the SAT indices keep of a stored event. */
export function outcomeSourceRowOf(o: OutcomeEntity): OutcomeSourceRow {
  return {
    id: o.id,
    customerId: o.customerId,
    y: o.type,
    e: o.event,
    g: o.segment ?? '',
    t: o.occurredAt.getTime(),
    a: o.customersAtStart,
    r: o.retained,
  };
}
