import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';
import { ApiProcess, ProcessStack } from './support/api-processes';
import { PrivateRedis } from './support/redis-server';
import { reportScenario, ScenarioFigure } from './support/scenario-report';

// Starts compiled processes (dist/, built by `npm test`); embedded mode is one process, so only MySQL + Bull.
jest.setTimeout(90_000);
const describeProduction = TEST_TARGET === 'mysql' ? describe : describe.skip;

const LIMIT = 60;
const FLOOD = 4 * LIMIT;
const QUIET = LIMIT / 2;

interface Tally {
  admitted: number;
  limited: number;
  other: number[];
  retryAfter: number[];
  byProcess: number[];
}

/**
 * Resilience scenario 9 (rate limits): two API processes on one database and one Redis. A key flooding both
 * is admitted exactly its per-minute allowance in total (counted once, in Redis), refused with 429 and
 * Retry-After past it, while another key at the same time is never refused. With Redis killed, each process
 * counts in its own memory (the documented insurance): still 429s, no 5xx, at most one allowance per process.
 */
describeProduction('rate limits across two API processes (scenario 9)', () => {
  const redis = new PrivateRedis();
  let stack: ProcessStack;
  let apis: ApiProcess[];
  const figures: ScenarioFigure[] = [];

  beforeAll(async () => {
    await redis.start();
    stack = await ProcessStack.create({ redisUrl: redis.url, rateLimitPerMinute: LIMIT });
    apis = await Promise.all([stack.startApi(), stack.startApi()]);
  });
  afterAll(async () => {
    if (figures.length) reportScenario('9 rate limits', figures);
    // The private Redis is up unless a test failed while it was down; then its keys died with it anyway.
    await stack?.close().catch(() => undefined);
    await redis.stop();
  });

  /** `count` GETs with `key`, alternating between the processes, `concurrency` at a time. */
  async function send(key: string, count: number, concurrency = 12): Promise<Tally> {
    const tally: Tally = { admitted: 0, limited: 0, other: [], retryAfter: [], byProcess: apis.map(() => 0) };
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < count; i = next++) {
        const api = i % apis.length;
        const res = await fetch(`${apis[api].url}/api/v1/feedback?limit=1`, {
          headers: { authorization: `Bearer ${key}` },
        });
        await res.arrayBuffer();
        if (res.status === 200) {
          tally.admitted++;
          tally.byProcess[api]++;
        } else if (res.status === 429) {
          tally.limited++;
          tally.retryAfter.push(Number(res.headers.get('retry-after')));
        } else tally.other.push(res.status);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return tally;
  }

  it('admits a flooding key its allowance once across both processes, and refuses no other key', async () => {
    const [flooding, quiet] = [await stack.keyWith('read'), await stack.keyWith('read')];
    const [flood, other] = await Promise.all([send(flooding, FLOOD), send(quiet, QUIET, 2)]);
    figures.push(
      {
        check: 'flooding key: admitted of sent, 2 API processes',
        value: `${flood.admitted} of ${FLOOD}`,
        target: `= ${LIMIT} (the limit)`,
        ok: flood.admitted === LIMIT,
      },
      {
        check: 'flooding key: admitted per process',
        value: flood.byProcess.join(' + '),
        target: 'both serve',
        ok: flood.byProcess.every((n) => n > 0),
      },
      {
        check: 'flooding key: 429 with Retry-After 1–60 s',
        value: flood.limited,
        target: `${FLOOD - LIMIT}`,
        ok: flood.limited === FLOOD - LIMIT && flood.retryAfter.every((s) => s >= 1 && s <= 60),
      },
      {
        check: 'flooding key: other statuses',
        value: flood.other.length,
        target: '0',
        ok: !flood.other.length,
      },
      {
        check: 'other key at the same time: 429s',
        value: other.limited,
        target: '0',
        ok: other.limited === 0 && other.admitted === QUIET,
      },
    );
    expect(flood.other).toEqual([]);
    expect(flood.admitted).toBe(LIMIT);
    expect(flood.byProcess.every((n) => n > 0)).toBe(true);
    expect(flood.limited).toBe(FLOOD - LIMIT);
    expect(flood.retryAfter.every((s) => s >= 1 && s <= 60)).toBe(true);
    expect(other).toMatchObject({ admitted: QUIET, limited: 0, other: [] });
  });

  it('keeps limiting per process while Redis is down, and counts across processes again once it is back', async () => {
    const [during, after] = [await stack.keyWith('read'), await stack.keyWith('read')];
    await redis.kill();
    const down = await send(during, FLOOD);
    figures.push(
      {
        check: 'Redis down: admitted of sent (memory, per process)',
        value: `${down.admitted} of ${FLOOD}`,
        target: `≤ ${apis.length * LIMIT}`,
        ok: down.admitted <= apis.length * LIMIT && down.limited > 0,
      },
      {
        check: 'Redis down: other statuses (5xx)',
        value: down.other.length,
        target: '0',
        ok: !down.other.length,
      },
    );
    expect(down.other).toEqual([]);
    expect(down.limited).toBeGreaterThan(0);
    expect(down.admitted).toBeLessThanOrEqual(apis.length * LIMIT);

    await redis.start();
    await waitFor(
      async () =>
        apis.every((a) => /rate limits count across processes again/.test(a.output())) ? true : undefined,
      30_000,
      200,
    );
    const back = await send(after, FLOOD);
    figures.push({
      check: 'Redis back: admitted of sent',
      value: `${back.admitted} of ${FLOOD}`,
      target: `= ${LIMIT}`,
      ok: back.admitted === LIMIT && !back.other.length,
    });
    expect(back).toMatchObject({ admitted: LIMIT, other: [] });
  });
});
