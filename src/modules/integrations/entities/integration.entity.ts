import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FieldMapping } from '../field-mapping/field-mapping.type';

/** A webhook sender (Typeform, Trustpilot, a CRM…): where its deliveries go and how they become feedback. */
@Entity('integrations')
export class IntegrationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Default `source` of the feedback it delivers. */
  @Column({ type: 'varchar', length: 64 })
  source: string;

  /** Default `kind` of the feedback it delivers; null when each item says its own. */
  @Column({ type: 'varchar', length: 20, nullable: true, default: null })
  kind: string | null;

  /** Null: deliveries are already Hearken items. */
  @Column({ type: 'simple-json', name: 'field_mapping', nullable: true, default: null })
  fieldMapping: FieldMapping | null;

  /** Fixed fields written before the mapped ones (channel, journeyStage…). */
  @Column({ type: 'simple-json', nullable: true, default: null })
  constants: Record<string, unknown> | null;

  /** JSONPath to the array of items when a delivery batches several (`$.events`). */
  @Column({ type: 'varchar', length: 300, name: 'items_path', nullable: true, default: null })
  itemsPath: string | null;

  /** The signing secret, AES-256-GCM encrypted (see webhook-secret.cipher.ts): a dump alone does not leak it. */
  @Column({ type: 'varchar', length: 255, name: 'secret_encrypted' })
  secretEncrypted: string;

  /** The secret before the last rotation, accepted until previousSecretExpiresAt. */
  @Column({ type: 'varchar', length: 255, name: 'previous_secret_encrypted', nullable: true, default: null })
  previousSecretEncrypted: string | null;

  @Column({ type: 'datetime', name: 'previous_secret_expires_at', nullable: true, default: null })
  previousSecretExpiresAt: Date | null;

  @Column({ type: 'datetime', name: 'secret_rotated_at', nullable: true, default: null })
  secretRotatedAt: Date | null;

  /** Set when disabled: its deliveries then answer 404. */
  @Column({ type: 'datetime', name: 'disabled_at', nullable: true, default: null })
  disabledAt: Date | null;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt: Date;

  @Column({ type: 'datetime', name: 'updated_at' })
  updatedAt: Date;
}
