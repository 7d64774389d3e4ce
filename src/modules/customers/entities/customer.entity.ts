import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One person across every channel; found through any of its identities. */
@Entity('customers')
export class CustomerEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100, nullable: true, default: null })
  segment: string | null;

  @Column({ type: 'simple-json', nullable: true, default: null })
  attributes: Record<string, unknown> | null;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;

  /** Set when the customer was erased (their texts, identities and personal fields are gone). */
  @Column({ type: 'datetime', name: 'erased_at', nullable: true, default: null })
  erasedAt: Date | null;
}
