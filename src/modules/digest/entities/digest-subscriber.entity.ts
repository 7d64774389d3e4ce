import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { DigestSlice } from '../content/digest-content.types';

/**
 * A reader of the weekly digest. Address and name are personal data: stored only encrypted (AES-256-GCM, key
 * derived from the install secret) plus a keyed hash for uniqueness; deleting the row erases it.
 */
@Entity('digest_subscribers')
@Index('uq_digest_subscribers_email_hash', ['emailHash'], { unique: true })
export class DigestSubscriberEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 512, name: 'email_encrypted' })
  emailEncrypted: string;

  /** HMAC-SHA256 of the lower-cased address: one subscription per address without storing it in clear. */
  @Column({ type: 'varchar', length: 64, name: 'email_hash' })
  emailHash: string;

  /** Encrypted like the address (a name is personal data too). */
  @Column({ type: 'varchar', length: 512, name: 'name_encrypted' })
  nameEncrypted: string;

  /** IANA zone: the week, the send time and every date in the email are the reader's own. */
  @Column({ type: 'varchar', length: 64, name: 'time_zone' })
  timeZone: string;

  /** ISO weekday the digest goes out, 1 = Monday … 7 = Sunday. */
  @Column({ type: 'int', name: 'send_day' })
  sendDay: number;

  /** Local hour (0-23) from which the digest goes out on that day. */
  @Column({ type: 'int', name: 'send_hour' })
  sendHour: number;

  /** BCP 47 tag for number and date formats. */
  @Column({ type: 'varchar', length: 35 })
  locale: string;

  /** Narrows every figure to this slice of feedback (a regional head reads their own). */
  @Column({ type: 'simple-json', nullable: true, default: null })
  slice: DigestSlice | null;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
