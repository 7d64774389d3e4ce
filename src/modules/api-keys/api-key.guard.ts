import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { RateLimitedException, RateLimiter } from '../../core/rate-limit/rate-limiter';
import { RateLimitService } from '../../core/rate-limit/rate-limit.service';
import { ApiKeysService, AuthenticatedKey } from './api-keys.service';
import { ApiKeyScope } from './entities/api-key.entity';
import { ApiKeyErrorCode, ApiKeyForbiddenException, ApiKeyUnauthorizedException } from './api-keys.exception';
import { PUBLIC_ROUTE, REQUIRED_SCOPE } from './auth.decorators';

declare module 'fastify' {
  interface FastifyRequest {
    apiKey?: AuthenticatedKey;
  }
}

/** Global guard: Bearer API key → 401 when missing/unknown/revoked/expired, 403 on scope, 429 past the rate. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly limiter: RateLimiter;
  /** Per client address: a key-guessing client is stopped before its guesses cost a query each. */
  private readonly failures: RateLimiter;

  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    config: AppConfig,
    rateLimits: RateLimitService,
  ) {
    this.limiter = rateLimits.create('api-key', config.rateLimitPerMinute);
    this.failures = rateLimits.create('auth-failure', config.authFailuresPerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const presented = bearerToken(request.headers.authorization);
    if (!presented) {
      throw new ApiKeyUnauthorizedException(
        ApiKeyErrorCode.Missing,
        'Missing API key: send Authorization: Bearer <key>',
      );
    }
    const blockedFor = await this.failures.retryAfter(request.ip);
    if (blockedFor > 0) throw new RateLimitedException(blockedFor);
    let key: AuthenticatedKey;
    try {
      key = await this.apiKeys.authenticate(presented);
    } catch (error) {
      if (error instanceof ApiKeyUnauthorizedException) await this.failures.hit(request.ip);
      throw error;
    }
    const retryAfter = await this.limiter.hit(key.id);
    if (retryAfter > 0) throw new RateLimitedException(retryAfter);
    const needed = this.reflector.getAllAndOverride<ApiKeyScope | undefined>(REQUIRED_SCOPE, targets);
    if (needed && !key.scopes.includes(needed) && !key.scopes.includes('admin')) {
      throw new ApiKeyForbiddenException(needed);
    }
    request.apiKey = key;
    return true;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}
