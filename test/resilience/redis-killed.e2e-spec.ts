import Redis from 'ioredis';
import { TEST_TARGET } from '../helpers/test-target';
import { auditAnalysis, waitUntilAnalysed } from './support/analysis-audit';
import { healthOf, sleep } from './support/health-probe';
import { count, failures, IngestTraffic } from './support/ingest-traffic';
import { ScenarioCluster } from './support/scenario-cluster';
import { reportScenario } from './support/scenario-report';

/**
 * Resilience scenario 3: Redis is SIGKILLed during sustained ingestion and restarted empty (persistence off).
 * MySQL stays up, so every request can be accepted: the outbox keeps the jobs, so the answer must be a 202,
 * never a 5xx (not even a 503: nothing stops the item from being committed). Afterwards every acknowledged
 * item is stored and analysed within 2 minutes of Redis coming back.
 */
// 30 s by hand; CI waits 12 s, still past the outbox sweeper's 10 s threshold and Bull's reconnect backoff.
const OUTAGE_MS = Number(
  process.env.RESILIENCE_REDIS_OUTAGE_MS ?? (process.env.CI === 'true' ? 12_000 : 30_000),
);
const AFTER_REDIS_BACK_MS = 120_000;

jest.setTimeout(60_000 + OUTAGE_MS + AFTER_REDIS_BACK_MS);
const describeMysql = TEST_TARGET === 'mysql' ? describe : describe.skip;

describeMysql('resilience 3: Redis killed during sustained ingestion (MySQL + Bull)', () => {
  const cluster = new ScenarioCluster();
  beforeAll(() => cluster.start(1));
  afterAll(() => cluster.stop());

  it('accepts every request, loses nothing and analyses everything once Redis is back', async () => {
    const traffic = new IngestTraffic(cluster.apiUrl, cluster.apiKey, 'r3', {
      concurrency: 2,
      batchSize: 10,
      pauseMs: 200,
      maxRequests: 3_000,
      timeoutMs: 30_000,
    });
    traffic.start();
    await sleep(3_000);

    traffic.phase = 'outage';
    await cluster.redis.kill();
    await sleep(Math.min(3_000, OUTAGE_MS / 2));
    const healthDuring = await healthOf(cluster.apiUrl);
    await sleep(OUTAGE_MS - Math.min(3_000, OUTAGE_MS / 2));
    await cluster.redis.start();
    const redisBack = Date.now();

    traffic.phase = 'after';
    await sleep(3_000);
    await traffic.stop();
    const acknowledged = traffic.acknowledged;
    const analysedAfterMs = await waitUntilAnalysed(cluster, acknowledged, AFTER_REDIS_BACK_MS);
    const sinceRedisBack = analysedAfterMs < 0 ? -1 : Date.now() - redisBack;
    const audit = await auditAnalysis(cluster, acknowledged);
    cluster.traceLogs();
    const healthAfter = await healthOf(cluster.apiUrl);
    const schedules = await repeatableJobs(cluster.redis.url, cluster.queuePrefix);

    const answers = traffic.answers;
    const fivexx = count(answers, (a) => a.status >= 500);
    const unanswered = count(answers, (a) => a.status === 0);
    const accepted = count(answers, (a) => a.status === 202);
    reportScenario('3 redis killed', [
      { check: 'Redis outage (SIGKILL, restarted empty)', value: `${OUTAGE_MS / 1000} s`, ok: true },
      { check: 'requests sent (10 items each)', value: answers.length, ok: answers.length > 0 },
      { check: 'requests sent during the outage', value: count(answers, () => true, 'outage'), ok: true },
      { check: '202 answers', value: accepted, target: 'all', ok: accepted === answers.length },
      { check: '5xx answers', value: fivexx, target: '0', ok: fivexx === 0 },
      { check: 'unanswered requests', value: unanswered, target: '0', ok: unanswered === 0 },
      {
        check: 'slowest answer during the outage',
        value: `${Math.max(0, ...answers.filter((a) => a.phase === 'outage').map((a) => a.ms))} ms`,
        ok: true,
      },
      { check: 'items acknowledged', value: audit.acknowledged, ok: audit.acknowledged > 0 },
      {
        check: 'acknowledged items lost',
        value: audit.acknowledged - audit.stored,
        target: '0',
        ok: audit.stored === audit.acknowledged,
      },
      {
        check: 'all analysed, after Redis came back',
        value: sinceRedisBack < 0 ? 'never' : `${(sinceRedisBack / 1000).toFixed(1)} s`,
        target: '< 120 s',
        ok: sinceRedisBack >= 0,
      },
      { check: '/health during the outage', value: JSON.stringify(healthDuring), ok: true },
      { check: 'cron schedules back in the new Redis', value: schedules, target: '1', ok: schedules === 1 },
    ]);

    expect(audit.acknowledged).toBeGreaterThan(0);
    expect(count(answers, () => true, 'outage')).toBeGreaterThan(0);
    expect({ fivexx, unanswered, failures: failures(answers) }).toEqual({
      fivexx: 0,
      unanswered: 0,
      failures: [],
    });
    expect(accepted).toBe(answers.length);
    expect(audit.stored).toBe(audit.acknowledged);
    expect(audit.analysed).toBe(audit.acknowledged);
    expect(audit.duplicated).toBe(0);
    expect(healthDuring).toEqual({ status: 503, down: ['queue'] });
    expect(healthAfter).toEqual({ status: 200, down: [] });
    expect(schedules).toBe(1); // the hourly anomaly detection, registered again
  });
});

async function repeatableJobs(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisUrl);
  try {
    return await redis.zcard(`${prefix}:jobs:repeat`);
  } finally {
    redis.disconnect();
  }
}
