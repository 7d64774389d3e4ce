import { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { AppException } from '../http/app.exception';

/**
 * A per-key allowance per window, over a rate-limiter-flexible store: process memory (embedded) or Redis
 * shared by every API process (see RateLimitService).
 */
export class RateLimiter {
  constructor(
    private readonly store: RateLimiterAbstract,
    private readonly limit: number,
  ) {}

  /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
  async hit(key: string): Promise<number> {
    try {
      await this.store.consume(key);
      return 0;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return seconds(refusal.msBeforeNext);
      throw refusal;
    }
  }

  /** Seconds to wait when `key` has already used its allowance, else 0; counts nothing. */
  async retryAfter(key: string): Promise<number> {
    const used = await this.store.get(key);
    if (!used || used.consumedPoints < this.limit) return 0;
    return seconds(used.msBeforeNext);
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/** 429 with Retry-After (set by the exception filter from `retryAfterSeconds`). */
export class RateLimitedException extends AppException {
  constructor(retryAfterSeconds: number) {
    super(429, `Rate limit exceeded; retry in ${retryAfterSeconds} s`, 'RATE_LIMITED', {
      retryAfterSeconds,
    });
  }
}
