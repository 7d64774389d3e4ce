import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { signedHeaders } from '../integrations/signed-delivery';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';
import { ApiProcess, ProcessStack } from './support/api-processes';
import { reportScenario, ScenarioFigure } from './support/scenario-report';

// Starts compiled processes (dist/, built by `npm test`): an API and a worker on MySQL + Bull.
jest.setTimeout(90_000);
const describeProduction = TEST_TARGET === 'mysql' ? describe : describe.skip;

const EMAIL = 'Priya.Raman+vip@example.org';
const PHONE = '+44 7700 900123';
const CARD = '4111 1111 1111 1111';

/** Every spelling of a seeded value that would still identify it. */
function spellings(value: string): string[] {
  const digits = value.replace(/\D/g, '');
  return [...new Set([value, value.toLowerCase(), /@/.test(value) ? value : digits].filter(Boolean))];
}

/**
 * Resilience scenario 8 (access), second half: after a run seeded with API keys, a webhook secret, an email,
 * a phone number and a card number (in text, as customer identifiers, in query strings), none of them appears
 * in any MySQL table, in the install's Redis keys, or in any log line of the API or the worker.
 */
describeProduction('no secret or personal data at rest (scenario 8)', () => {
  let stack: ProcessStack;
  let api: ApiProcess;
  const figures: ScenarioFigure[] = [];

  beforeAll(async () => {
    stack = await ProcessStack.create();
    api = await stack.startApi({ LOG_LEVEL: 'debug' });
    stack.startWorker({ LOG_LEVEL: 'debug' });
  });
  afterAll(async () => {
    if (figures.length) reportScenario('8 no secrets at rest', figures);
    await stack?.close();
  });

  async function call(key: string, method: string, path: string, body?: unknown, headers = {}) {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it('keeps keys, secrets, emails, phones and card numbers out of MySQL, Redis and the logs', async () => {
    const admin = await stack.keyWith('admin');
    const created = await call(admin, 'POST', '/api/v1/api-keys', { name: 'seeded', scopes: ['read'] });
    expect(created.status).toBe(201);
    const readKey = created.body.key as string;
    const integration = await call(admin, 'POST', '/api/v1/integrations', {
      name: 'seeded',
      source: 'seeded-hook',
      kind: 'review',
      constants: { channel: 'web' },
    });
    expect(integration.status).toBe(201);
    const secret = integration.body.secret as string;

    const text = `Card ${CARD} was charged twice. Call me on ${PHONE} or write to ${EMAIL}.`;
    const direct = await call(admin, 'POST', '/api/v1/feedback', {
      kind: 'review',
      source: 'seeded',
      externalId: 'at-rest-1',
      rating: 1,
      scale: 5,
      title: `Refund to ${EMAIL}`,
      text,
      customer: { email: EMAIL, phone: PHONE },
    });
    expect(direct.status).toBe(202);
    const payload = JSON.stringify({ text, rating: 2 });
    const hook = await fetch(`${api.url}/api/v1/webhooks/${integration.body.id as string}`, {
      method: 'POST',
      headers: signedHeaders(secret, payload),
      body: payload,
    });
    expect(hook.status).toBe(202);
    const query = `/api/v1/feedback?customerEmail=${encodeURIComponent(EMAIL)}&api_key=${readKey}`;
    await call(readKey, 'GET', query);
    await call(readKey, 'GET', `/api/v1/verbatims?q=${encodeURIComponent(PHONE)}`);
    await fetch(`${api.url}/api/v1/feedback`, { headers: { authorization: `Bearer ${readKey}x` } });

    const directId = direct.body.id as string;
    await waitFor(async () => {
      const item = await call(admin, 'GET', `/api/v1/feedback/${directId}`);
      return item.body.analysisStatus === 'pending' ? undefined : true;
    }, 30_000);

    const haystacks = {
      'MySQL (every row of every table)': await dumpDatabase(await stack.dataSource()),
      'Redis (every key of the install)': await dumpRedis(
        stack.env.config.redisUrl!,
        stack.env.config.queuePrefix,
      ),
      'logs (API and worker, debug)': stack.logs(),
    };
    const needles: Record<string, string[]> = {
      'admin API key': [admin],
      'created API key': [readKey],
      'webhook secret': [secret, secret.replace(/^whsec_/, '')],
      email: spellings(EMAIL),
      phone: spellings(PHONE),
      'card number': spellings(CARD),
    };
    const found: string[] = [];
    for (const [where, hay] of Object.entries(haystacks)) {
      const lower = hay.toLowerCase();
      const seen = Object.entries(needles)
        .filter(([, forms]) => forms.some((f) => lower.includes(f.toLowerCase())))
        .map(([what]) => what);
      found.push(...seen.map((what) => `${what} in ${where}`));
      figures.push({
        check: `seeded secrets found in ${where}`,
        value: seen.length ? seen.join(', ') : `0 (${hay.length.toLocaleString('en')} chars searched)`,
        target: '0',
        ok: seen.length === 0,
      });
    }
    expect(haystacks['logs (API and worker, debug)']).toMatch(/request completed/);
    expect(haystacks['MySQL (every row of every table)']).toMatch(/charged twice/);
    expect(found).toEqual([]);
  });
});

async function dumpDatabase(db: DataSource): Promise<string> {
  const tables = (await db.query(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()',
  )) as { name: string }[];
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = (await db.query(`SELECT * FROM \`${name}\``)) as Record<string, unknown>[];
    parts.push(
      JSON.stringify(rows, (_k, v: unknown) =>
        Buffer.isBuffer(v) || (v && (v as { type?: string }).type === 'Buffer')
          ? Buffer.from(v as Buffer).toString('latin1')
          : v,
      ),
    );
  }
  return parts.join('\n');
}

async function dumpRedis(url: string, prefix: string): Promise<string> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const parts: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'string'
            ? await redis.get(key)
            : type === 'hash'
              ? await redis.hgetall(key)
              : type === 'list'
                ? await redis.lrange(key, 0, -1)
                : type === 'set'
                  ? await redis.smembers(key)
                  : type === 'zset'
                    ? await redis.zrange(key, 0, -1)
                    : ((await redis.dumpBuffer(key))?.toString('latin1') ?? '');
        parts.push(key, JSON.stringify(value));
      }
    } while (cursor !== '0');
    return parts.join('\n');
  } finally {
    redis.disconnect();
  }
}
