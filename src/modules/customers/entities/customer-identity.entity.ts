import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A keyed hash (HMAC-SHA256) of a normalised email, phone or source id: matchable, not readable. */
@Entity('customer_identities')
@Index('idx_customer_identities_customer', ['customerId'])
export class CustomerIdentityEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ type: 'varchar', length: 16 })
  kind: string;

  @Column({ type: 'varchar', length: 36, name: 'customer_id' })
  customerId: string;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
