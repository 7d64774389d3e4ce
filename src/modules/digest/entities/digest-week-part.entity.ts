import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DigestWeekPartName = 'themes' | 'driver';

/**
 * A costly part of one week's digest (emerging themes, the top NPS driver) for one week window and slice,
 * computed ahead of the send. Holds the part as the email shows it (phrases and figures, no verbatims), and
 * the fingerprint of the data it came from: a row whose data has changed since is recomputed.
 */
@Entity('digest_week_parts')
@Index('idx_digest_week_parts_week_to', ['weekTo'])
export class DigestWeekPartEntity {
  /** SHA-256 of (part, week window, slice). */
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'cache_key' })
  cacheKey: string;

  @Column({ type: 'varchar', length: 16 })
  part: DigestWeekPartName;

  @Column({ type: 'datetime', name: 'week_from' })
  weekFrom: Date;

  @Column({ type: 'datetime', name: 'week_to' })
  weekTo: Date;

  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  /** The part as JSON. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'datetime', name: 'computed_at', precision: 3 })
  computedAt: Date;
}
