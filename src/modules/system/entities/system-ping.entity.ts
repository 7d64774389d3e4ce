import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A round trip through the queue: written by the API, completed by whichever process runs jobs. */
@Entity('system_pings')
export class SystemPingEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'datetime', name: 'requested_at' })
  requestedAt: Date;

  @Column({ type: 'varchar', length: 100, name: 'requested_by' })
  requestedBy: string;

  @Column({ type: 'datetime', name: 'processed_at', nullable: true, default: null })
  processedAt: Date | null;

  @Column({ type: 'varchar', length: 100, name: 'processed_by', nullable: true, default: null })
  processedBy: string | null;
}
