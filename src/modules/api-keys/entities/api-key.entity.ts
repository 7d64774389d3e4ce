import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const API_KEY_SCOPES = ['ingest', 'read', 'admin'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

@Entity('api_keys')
export class ApiKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The first characters of the key, kept in clear to find the row; the rest is only hashed. */
  @Index('idx_api_keys_prefix')
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** SHA-256 of the whole key, hex. */
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  /** Comma-separated scopes. */
  @Column({ type: 'varchar', length: 64 })
  scopes: string;

  @Column({ type: 'datetime', name: 'expires_at', nullable: true, default: null })
  expiresAt: Date | null;

  @Column({ type: 'datetime', name: 'revoked_at', nullable: true, default: null })
  revokedAt: Date | null;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt: Date;
}
