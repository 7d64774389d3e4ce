import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { OutcomeType } from '../dto/outcome-enums';

/**
 * One outcome event: a referral, a lifecycle event of one customer, or a retention aggregate of a period
 * and segment. One table for the three so a customer's outcomes and the list endpoint read one index;
 * the columns a type does not use stay null. No personal data: people are customer ids.
 */
@Entity('outcomes')
@Index('uq_outcomes_source_external', ['source', 'externalId'], { unique: true })
@Index('idx_outcomes_customer', ['customerId', 'occurredAt'])
@Index('idx_outcomes_related', ['relatedCustomerId'])
@Index('idx_outcomes_type_facts', ['type', 'occurredAt', 'event', 'customerId'])
export class OutcomeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  type: OutcomeType;

  /** Compared byte for byte on MySQL too (utf8mb4_bin, set by the migration). */
  @Column({ type: 'varchar', length: 64 })
  source: string;

  /** The sender's id, or a content hash (`h:` prefix) when it sent none, so a repost counts once. */
  @Column({ type: 'varchar', length: 200, name: 'external_id' })
  externalId: string;

  /** Lifecycle: the customer; referral: the referrer; retention: null. */
  @Column({ type: 'varchar', length: 36, name: 'customer_id', nullable: true, default: null })
  customerId: string | null;

  /** Referral: the referred customer. */
  @Column({ type: 'varchar', length: 36, name: 'related_customer_id', nullable: true, default: null })
  relatedCustomerId: string | null;

  /** Lifecycle event (subscribed, churned…) or referral status (invited, signed_up, converted). */
  @Column({ type: 'varchar', length: 20, nullable: true, default: null })
  event: string | null;

  /** The customer's segment when the event arrived, or the retention figures' segment. */
  @Column({ type: 'varchar', length: 100, nullable: true, default: null })
  segment: string | null;

  @Column({ type: 'double', nullable: true, default: null })
  value: number | null;

  @Column({ type: 'varchar', length: 3, nullable: true, default: null })
  currency: string | null;

  @Column({ type: 'datetime', name: 'period_start', nullable: true, default: null })
  periodStart: Date | null;

  @Column({ type: 'datetime', name: 'period_end', nullable: true, default: null })
  periodEnd: Date | null;

  @Column({ type: 'int', name: 'customers_at_start', nullable: true, default: null })
  customersAtStart: number | null;

  @Column({ type: 'int', nullable: true, default: null })
  retained: number | null;

  @Column({ type: 'int', nullable: true, default: null })
  churned: number | null;

  /** Comma-separated OutcomeFlag values (accepted but suspicious), or null. */
  @Column({ type: 'varchar', length: 200, nullable: true, default: null })
  flags: string | null;

  /** Free metadata, personal data redacted from its strings. */
  @Column({ type: 'simple-json', nullable: true, default: null })
  metadata: Record<string, unknown> | null;

  @Column({ type: 'datetime', name: 'occurred_at' })
  occurredAt: Date;

  @Column({ type: 'datetime', name: 'received_at', precision: 3 })
  receivedAt: Date;
}
