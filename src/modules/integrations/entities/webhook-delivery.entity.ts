import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One accepted `webhook-id` per integration with the answer it got. Senders retry with the same id
 * (and a fresh signature), so a retry is answered from here instead of ingesting twice.
 */
@Entity('webhook_deliveries')
@Index('idx_webhook_deliveries_received', ['receivedAt'])
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36, name: 'integration_id' })
  integrationId: string;

  @PrimaryColumn({ type: 'varchar', length: 255, name: 'webhook_id' })
  webhookId: string;

  /** Null while the first delivery is still being processed. */
  @Column({ type: 'int', name: 'status_code', nullable: true, default: null })
  statusCode: number | null;

  @Column({ type: 'text', name: 'response_body', nullable: true, default: null })
  responseBody: string | null;

  @Column({ type: 'datetime', name: 'received_at' })
  receivedAt: Date;
}
