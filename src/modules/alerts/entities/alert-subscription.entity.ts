import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A URL that wants each new anomaly of some kinds, as a Standard Webhooks signed delivery. */
@Entity('alert_subscriptions')
export class AlertSubscriptionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 2048 })
  url: string;

  /** The signing secret, encrypted at rest (AES-256-GCM, the subscription id as associated data). */
  @Column({ type: 'text', name: 'secret_encrypted' })
  secretEncrypted: string;

  /** Anomaly kinds delivered. */
  @Column({ type: 'simple-json' })
  kinds: string[];

  @Column({ type: 'boolean' })
  active: boolean;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
