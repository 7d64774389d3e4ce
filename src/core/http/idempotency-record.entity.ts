import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The first answer to a request sent with an Idempotency-Key, replayed for 24 h. */
@Entity('idempotency_records')
@Index('idx_idempotency_created', ['createdAt'])
export class IdempotencyRecordEntity {
  /** SHA-256 of API key id + route + Idempotency-Key. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id: string;

  /** SHA-256 of the request body: the same key with another body is refused. */
  @Column({ type: 'varchar', length: 64, name: 'request_hash' })
  requestHash: string;

  /** Null while the first request is still running. */
  @Column({ type: 'int', name: 'status_code', nullable: true, default: null })
  statusCode: number | null;

  @Column({ type: 'text', name: 'response_body', nullable: true, default: null })
  responseBody: string | null;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
