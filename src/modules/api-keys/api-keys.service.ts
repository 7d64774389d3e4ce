import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { ApiKeyRepository } from './api-key.repository';
import { RevocationChannel } from './revocation-channel';
import { generateApiKey, hashApiKey, prefixOf } from './api-key-secret';
import { buildApiKeyEntity } from './api-key.factory';
import { ApiKeyEntity, ApiKeyScope } from './entities/api-key.entity';
import { ApiKeyErrorCode, ApiKeyNotFoundException, ApiKeyUnauthorizedException } from './api-keys.exception';

export interface AuthenticatedKey {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
}

const CACHE_TTL_MS = 10_000;

@Injectable()
export class ApiKeysService implements OnApplicationBootstrap {
  private readonly logger = new Logger(ApiKeysService.name);
  /** hash → key, so a busy client costs one lookup per TTL, not one per request. */
  private readonly cache = new Map<string, { key: ApiKeyEntity; until: number }>();

  constructor(
    private readonly repository: ApiKeyRepository,
    private readonly config: AppConfig,
    private readonly revocations: RevocationChannel,
  ) {
    revocations.onRevoked((id) => this.forget(id));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.adminApiKey)
      await this.ensureKey(this.config.adminApiKey, 'admin (ADMIN_API_KEY)', ['admin']);
  }

  async create(
    name: string,
    scopes: ApiKeyScope[],
    expiresAt?: Date,
  ): Promise<{ entity: ApiKeyEntity; key: string }> {
    const key = generateApiKey();
    const entity = buildApiKeyEntity(key, name, scopes, expiresAt ?? null);
    await this.repository.insert(entity);
    this.logger.log(`API key ${entity.id} (${name}) created with scopes ${scopes.join(',')}`);
    return { entity, key };
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.repository.list();
  }

  async revoke(id: string): Promise<void> {
    const existing = await this.repository.findById(id);
    if (!existing) throw new ApiKeyNotFoundException(id);
    await this.repository.revoke(id, new Date());
    this.forget(id);
    await this.revocations.publish(id);
    this.logger.log(`API key ${id} revoked`);
  }

  private forget(id: string): void {
    for (const [hash, cached] of this.cache) if (cached.key.id === id) this.cache.delete(hash);
  }

  /** Resolves a presented key or throws 401 saying why. */
  async authenticate(presented: string): Promise<AuthenticatedKey> {
    const hash = hashApiKey(presented);
    const now = Date.now();
    const cached = this.cache.get(hash);
    let key = cached && cached.until > now ? cached.key : undefined;
    if (!key) {
      key = await this.lookup(presented, hash);
      if (key) this.cache.set(hash, { key, until: now + CACHE_TTL_MS });
    }
    if (!key) throw new ApiKeyUnauthorizedException(ApiKeyErrorCode.Invalid, 'Unknown API key');
    if (key.revokedAt)
      throw new ApiKeyUnauthorizedException(ApiKeyErrorCode.Revoked, 'This API key was revoked');
    if (key.expiresAt && key.expiresAt.getTime() <= now) {
      throw new ApiKeyUnauthorizedException(ApiKeyErrorCode.Expired, 'This API key has expired');
    }
    return { id: key.id, name: key.name, scopes: key.scopes.split(',') as ApiKeyScope[] };
  }

  private async lookup(presented: string, hash: string): Promise<ApiKeyEntity | undefined> {
    const candidates = await this.repository.findByPrefix(prefixOf(presented));
    const wanted = Buffer.from(hash, 'hex');
    return candidates.find((c) => timingSafeEqual(Buffer.from(c.hash, 'hex'), wanted));
  }

  private async ensureKey(key: string, name: string, scopes: ApiKeyScope[]): Promise<void> {
    const existing = await this.repository.findByHash(hashApiKey(key));
    if (existing && !existing.revokedAt) return;
    if (existing) {
      this.logger.warn(`ADMIN_API_KEY was revoked earlier; it stays revoked (set a new one)`);
      return;
    }
    try {
      await this.repository.insert(buildApiKeyEntity(key, name, scopes, null));
      this.logger.log('Admin API key from ADMIN_API_KEY registered');
    } catch (error) {
      // Another process (API beside a worker) may have registered it at the same moment.
      if (!(await this.repository.findByHash(hashApiKey(key)))) throw error;
    }
  }
}
