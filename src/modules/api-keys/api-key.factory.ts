import { randomUUID } from 'node:crypto';
import { hashApiKey, prefixOf } from './api-key-secret';
import { ApiKeyEntity, ApiKeyScope } from './entities/api-key.entity';

/** The row for a key: its prefix in clear, the whole key only as a hash. */
export function buildApiKeyEntity(
  key: string,
  name: string,
  scopes: ApiKeyScope[],
  expiresAt: Date | null,
): ApiKeyEntity {
  return Object.assign(new ApiKeyEntity(), {
    id: randomUUID(),
    name,
    prefix: prefixOf(key),
    hash: hashApiKey(key),
    scopes: [...new Set(scopes)].sort().join(','),
    expiresAt,
    revokedAt: null,
    createdAt: new Date(),
  });
}
