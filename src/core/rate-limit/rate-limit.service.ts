import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import { AppConfig } from '../../config/app-config';
import { RateLimiter } from './rate-limiter';

/** A Redis command that takes longer than this counts in process memory instead (see `create`). */
const REDIS_COMMAND_TIMEOUT_MS = 500;
const WINDOW_SECONDS = 60;

/**
 * Makes the rate limiters. With REDIS_URL set (and HTTP served), a key's hits are counted once in Redis across
 * every API process; embedded mode counts in process memory.
 *
 * Redis away or slow: each process counts in its own memory (rate-limiter-flexible's insurance limiter)
 * until Redis answers again, so the limit still holds per process and requests are neither refused for
 * Redis's sake nor let through unlimited. With N API processes a key may then get up to N times its allowance.
 */
@Injectable()
export class RateLimitService implements OnApplicationShutdown {
  private readonly logger = new Logger(RateLimitService.name);
  private redis?: Redis;
  private redisDown = false;

  constructor(private readonly config: AppConfig) {}

  /** `perMinute` hits per key per minute, under `name` (one counter space per use). */
  create(name: string, perMinute: number): RateLimiter {
    const memory = new RateLimiterMemory({ points: perMinute, duration: WINDOW_SECONDS });
    if (!this.config.redisUrl || !this.config.servesHttp) return new RateLimiter(memory, perMinute);
    const shared = new RateLimiterRedis({
      storeClient: this.client(this.config.redisUrl),
      keyPrefix: `${this.config.queuePrefix}:rate-limit:${name}`,
      points: perMinute,
      duration: WINDOW_SECONDS,
      insuranceLimiter: memory,
      rejectIfRedisNotReady: true,
      // A key past its allowance is refused from memory until its window ends: a flood costs no Redis calls.
      inMemoryBlockOnConsumed: perMinute,
    });
    return new RateLimiter(shared, perMinute);
  }

  async onApplicationShutdown(): Promise<void> {
    const redis = this.redis;
    if (redis) await redis.quit().catch(() => redis.disconnect());
  }

  private client(url: string): Redis {
    if (this.redis) return this.redis;
    const redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    });
    redis.on('error', (error: Error) => {
      if (this.redisDown) return;
      this.redisDown = true;
      this.logger.warn(`Redis unavailable; rate limits count per process until it is back: ${error.message}`);
    });
    redis.on('ready', () => {
      if (this.redisDown) this.logger.log('Redis is back; rate limits count across processes again');
      this.redisDown = false;
    });
    this.redis = redis;
    return redis;
  }
}
