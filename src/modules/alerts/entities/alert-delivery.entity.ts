import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One message to one subscription, with how its tries went: the delivery log. */
@Entity('alert_deliveries')
@Index('idx_alert_deliveries_subscription', ['subscriptionId', 'createdAt'])
export class AlertDeliveryEntity {
  /** Also the `webhook-id`: the same on every retry, so receivers can drop duplicates. */
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id: string;

  @Column({ type: 'varchar', length: 36, name: 'subscription_id' })
  subscriptionId: string;

  /** `anomaly.detected` or `alert.test`. */
  @Column({ type: 'varchar', length: 32, name: 'event_type' })
  eventType: string;

  @Column({ type: 'varchar', length: 36, name: 'anomaly_id', nullable: true, default: null })
  anomalyId: string | null;

  /** The exact JSON body sent (signed as is). */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ type: 'int', name: 'last_status_code', nullable: true, default: null })
  lastStatusCode: number | null;

  @Column({ type: 'varchar', length: 500, name: 'last_error', nullable: true, default: null })
  lastError: string | null;

  @Column({ type: 'datetime', name: 'created_at', precision: 3 })
  createdAt: Date;

  @Column({ type: 'datetime', name: 'last_attempt_at', precision: 3, nullable: true, default: null })
  lastAttemptAt: Date | null;

  @Column({ type: 'datetime', name: 'delivered_at', precision: 3, nullable: true, default: null })
  deliveredAt: Date | null;
}
