import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export type DeliveryTrigger = 'schedule' | 'manual';

/**
 * One digest for one subscriber and one ISO week. The unique (subscriber, week) key is claimed before
 * anything is sent, so however many workers, restarts or retries, a week goes to a reader once.
 * Holds no address: history survives the subscriber's erasure without personal data.
 */
@Entity('digest_deliveries')
@Index('uq_digest_deliveries_subscriber_week', ['subscriberId', 'isoWeek'], { unique: true })
@Index('idx_digest_deliveries_created', ['createdAt'])
export class DigestDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36, name: 'subscriber_id' })
  subscriberId: string;

  /** `2026-W47`. */
  @Column({ type: 'varchar', length: 8, name: 'iso_week' })
  isoWeek: string;

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @Column({ type: 'varchar', length: 16, name: 'triggered_by' })
  triggeredBy: DeliveryTrigger;

  /** Send tries started so far. */
  @Column({ type: 'int' })
  attempts: number;

  /** Why the last try failed (addresses removed). */
  @Column({ type: 'varchar', length: 500, name: 'last_error', nullable: true, default: null })
  lastError: string | null;

  /** When the current try took the row: a `sending` row older than the lease belongs to a dead worker. */
  @Column({ type: 'datetime', name: 'claimed_at', precision: 3, nullable: true, default: null })
  claimedAt: Date | null;

  @Column({ type: 'datetime', name: 'sent_at', nullable: true, default: null })
  sentAt: Date | null;

  @Column({ type: 'varchar', length: 255, name: 'message_id', nullable: true, default: null })
  messageId: string | null;

  @Column({ type: 'datetime', name: 'created_at', precision: 3 })
  createdAt: Date;
}
