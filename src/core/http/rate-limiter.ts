import { AppException } from './app.exception';

/**
 * Fixed-window counter per key, in process memory. With several API processes each enforces its own
 * share; the limit is a guard against runaway clients, not billing.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one hit; returns the seconds to wait when over the limit, else 0. */
  hit(key: string): number {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.evictExpired(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.limit) return 0;
    return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
  }

  /** Seconds to wait when `key` is already over the limit, else 0; counts nothing. */
  retryAfter(key: string): number {
    const now = this.now();
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs || window.count < this.limit) return 0;
    return Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000));
  }

  private evictExpired(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}

/** 429 with Retry-After (set by the exception filter from `retryAfterSeconds`). */
export class RateLimitedException extends AppException {
  constructor(retryAfterSeconds: number) {
    super(429, `Rate limit exceeded; retry in ${retryAfterSeconds} s`, 'RATE_LIMITED', {
      retryAfterSeconds,
    });
  }
}
