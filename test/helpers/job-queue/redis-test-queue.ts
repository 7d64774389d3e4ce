import { deleteQueueKeys as deleteKeys } from '../../../src/core/job-queue/delete-queue-keys';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';

/** Tests run against a real Redis; TEST_REDIS_URL overrides the local default. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A queue prefix no other test run uses (fits AppConfig.queuePrefix: 1-64 of [a-zA-Z0-9_-]). */
export function uniqueQueuePrefix(label: string): string {
  return `hk-test-${label}-${process.pid}-${randomBytes(4).toString('hex')}`.slice(0, 64);
}

/** Throws (so the suite fails rather than skips) when Redis does not answer within 2 s. */
export async function assertRedisReachable(url = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(
      `Redis at ${url} is unreachable (${(error as Error).message}); these tests need a real Redis`,
    );
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key under `prefix` (all queues a test created); returns how many went. */
export function deleteQueueKeys(prefix: string, url = TEST_REDIS_URL): Promise<number> {
  return deleteKeys(url, prefix);
}
