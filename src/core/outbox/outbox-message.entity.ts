import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A job written in the same transaction as the rows it is about, sent to the queue after commit.
 * If the queue is down the row stays, and the sweeper sends it later: nothing accepted is lost.
 */
@Entity('outbox')
@Index('idx_outbox_created', ['createdAt'])
export class OutboxMessageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64, name: 'job_name' })
  jobName: string;

  @Column({ type: 'simple-json' })
  payload: Record<string, unknown>;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
