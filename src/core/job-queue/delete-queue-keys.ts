import Redis from 'ioredis';

/**
 * Deletes every Redis key under `prefix` (all queues of one install, test run or benchmark); returns how many
 * went. For tests, benchmarks and tearing an install down, never called by the running app.
 */
export async function deleteQueueKeys(url: string, prefix: string): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
