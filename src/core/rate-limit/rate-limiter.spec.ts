import { RateLimiterMemory } from 'rate-limiter-flexible';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter', () => {
  const limiter = () => new RateLimiter(new RateLimiterMemory({ points: 3, duration: 60 }), 3);

  it('admits `limit` hits per key, then answers the seconds left in the window', async () => {
    const l = limiter();
    expect([await l.hit('a'), await l.hit('a'), await l.hit('a')]).toEqual([0, 0, 0]);
    const wait = await l.hit('a');
    expect(wait).toBeGreaterThanOrEqual(59);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await l.hit('b')).toBe(0);
  });

  it('retryAfter counts nothing and is positive once the allowance is used', async () => {
    const l = limiter();
    expect(await l.retryAfter('a')).toBe(0);
    await l.hit('a');
    await l.hit('a');
    expect(await l.retryAfter('a')).toBe(0);
    await l.hit('a');
    expect(await l.retryAfter('a')).toBeGreaterThan(0);
    expect(await l.retryAfter('a')).toBeGreaterThan(0);
    expect(await l.hit('b')).toBe(0);
  });
});
