import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Tombstone of an erased customer's identity, so a replayed webhook or import cannot bring them back. */
@Entity('erased_identities')
export class ErasedIdentityEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ type: 'datetime', name: 'erased_at' })
  erasedAt: Date;
}
