import { uuidV7 } from '../../src/core/ids/uuid-v7';
import { CustomerEntity } from '../../src/modules/customers/entities/customer.entity';
import { OutcomeEntity } from '../../src/modules/outcomes/entities/outcome.entity';

const SEGMENTS = [
  'consumer',
  'consumer',
  'consumer',
  'trail_club',
  'trail_club',
  'small_business',
  'enterprise',
];
const LIFECYCLE = ['subscribed', 'renewed', 'renewed', 'purchased', 'purchased', 'downgraded', 'churned'];

/** A cheap deterministic hash of n (Knuth's multiplicative, then xorshift). */
const mix = (n: number) => {
  let x = Math.imul(n + 1, 2654435761) >>> 0;
  x ^= x >>> 13;
  return Math.imul(x, 2246822519) >>> 0;
};

/**
 * Customers and outcome events for a bulk load: `count` customers (those the demo generator writes for come
 * first), and events of a realistic mix (80 % lifecycle, 18 % referrals, 2 % retention figures), each event's
 * customer and kind fixed by its number.
 */
export class BenchPeople {
  readonly ids: string[];
  readonly segments: string[];

  constructor(readonly count: number) {
    this.ids = Array.from({ length: count }, (_, i) => uuidV7(Date.UTC(2025, 0, 1) + i));
    this.segments = Array.from({ length: count }, (_, i) => SEGMENTS[mix(i) % SEGMENTS.length]);
  }

  customerRows(now: Date): CustomerEntity[] {
    return this.ids.map((id, i) => ({
      id,
      segment: this.segments[i],
      attributes: null,
      createdAt: now,
      updatedAt: now,
      erasedAt: null,
    }));
  }

  outcome(n: number, at: Date, now: Date): OutcomeEntity {
    const h = mix(n);
    const c = h % this.count;
    const kind = (h >>> 8) % 100;
    const row: OutcomeEntity = {
      id: uuidV7(at.getTime()),
      type: 'lifecycle',
      source: 'bench',
      externalId: `bench-${n}`,
      customerId: this.ids[c],
      relatedCustomerId: null,
      event: LIFECYCLE[(h >>> 16) % LIFECYCLE.length],
      segment: this.segments[c],
      value: null,
      currency: null,
      periodStart: null,
      periodEnd: null,
      customersAtStart: null,
      retained: null,
      churned: null,
      flags: null,
      metadata: null,
      occurredAt: at,
      receivedAt: now,
    };
    if (kind < 2) {
      const retained = 900 + ((h >>> 16) % 100);
      return {
        ...row,
        type: 'retention',
        customerId: null,
        event: null,
        customersAtStart: 1_000,
        retained,
        churned: 1_000 - retained,
      };
    }
    if (kind < 20)
      return {
        ...row,
        type: 'referral',
        relatedCustomerId: this.ids[(c + 1 + ((h >>> 4) % 1000)) % this.count],
        event: ['invited', 'invited', 'signed_up', 'converted'][(h >>> 16) % 4],
      };
    return row;
  }
}
