import { TEST_TARGET } from '../helpers/test-target';
import { auditAnalysis, waitUntilAnalysed } from './support/analysis-audit';
import { healthOf, sleep } from './support/health-probe';
import { count, failures, IngestTraffic } from './support/ingest-traffic';
import { ScenarioCluster } from './support/scenario-cluster';
import { reportScenario } from './support/scenario-report';

/**
 * Resilience scenario 5: the TCP proxy between the processes (API and worker) and MySQL resets every
 * connection and refuses new ones for 15 s, under sustained ingestion. Nothing can be committed then, so the
 * only honest answer is 503 with Retry-After; a 2xx must always mean a committed row. When the proxy forwards
 * again the processes recover by themselves (no restart), and every acknowledged item gets analysed.
 */
const CUT_MS = 15_000;
/** Bounds every database wait so a request answers 503 within 3 × this (see DATABASE_TIMEOUT_MS). */
const DATABASE_TIMEOUT_MS = 2_000;

jest.setTimeout(180_000);
const describeMysql = TEST_TARGET === 'mysql' ? describe : describe.skip;

describeMysql('resilience 5: MySQL cut through the proxy (MySQL + Bull)', () => {
  const cluster = new ScenarioCluster({
    mysqlProxy: true,
    env: { DATABASE_TIMEOUT_MS: String(DATABASE_TIMEOUT_MS) },
  });
  beforeAll(() => cluster.start(1));
  afterAll(() => cluster.stop());

  it('answers 503 with Retry-After while cut, never a 2xx without a row, and recovers by itself', async () => {
    const traffic = new IngestTraffic(cluster.apiUrl, cluster.apiKey, 'r5', {
      concurrency: 2,
      batchSize: 10,
      pauseMs: 200,
      maxRequests: 2_000,
      timeoutMs: 30_000,
    });
    traffic.start();
    await sleep(3_000);

    traffic.phase = 'cut';
    cluster.proxy!.setMode('cut');
    await sleep(CUT_MS / 2);
    const healthDuring = await healthOf(cluster.apiUrl);
    await sleep(CUT_MS / 2);
    cluster.proxy!.setMode('forward');
    const restored = Date.now();
    traffic.phase = 'restored';

    // Recovered = the first 202 of a request sent after the proxy forwards again.
    let recoveredMs = -1;
    while (Date.now() - restored < 60_000) {
      const answer = traffic.answers.find((a) => a.phase === 'restored' && a.status === 202);
      if (answer) {
        recoveredMs = Date.now() - restored;
        break;
      }
      await sleep(100);
    }
    traffic.phase = 'after';
    await sleep(3_000);
    await traffic.stop();
    const healthAfter = await healthOf(cluster.apiUrl);

    const acknowledged = traffic.acknowledged;
    const analysedMs = await waitUntilAnalysed(cluster, acknowledged, 90_000);
    const audit = await auditAnalysis(cluster, acknowledged);
    cluster.traceLogs();

    const answers = traffic.answers;
    const during = answers.filter((a) => a.phase === 'cut');
    const refused = count(during, (a) => a.status === 503 && Number(a.retryAfter) > 0);
    const otherDuring = during.filter(
      (a) => a.status !== 202 && !(a.status === 503 && Number(a.retryAfter) > 0),
    );
    const badAfter = answers.filter((a) => a.phase === 'after' && a.status !== 202);
    const slowest = Math.max(0, ...during.map((a) => a.ms));
    reportScenario('5 mysql cut', [
      { check: 'MySQL cut (proxy resets and refuses)', value: `${CUT_MS / 1000} s`, ok: true },
      { check: 'requests sent (10 items each)', value: answers.length, ok: answers.length > 0 },
      { check: 'requests answered during the cut', value: during.length, ok: during.length > 0 },
      { check: '503 with Retry-After during the cut', value: refused, ok: refused > 0 },
      {
        check: 'other answers during the cut (5xx, none)',
        value: otherDuring.length,
        target: '0',
        ok: !otherDuring.length,
      },
      {
        check: 'slowest answer during the cut',
        value: `${slowest} ms`,
        target: `<= ${(3 * DATABASE_TIMEOUT_MS) / 1000} s + slack`,
        ok: true,
      },
      {
        check: '2xx without a committed row',
        value: audit.acknowledged - audit.stored,
        target: '0',
        ok: audit.acknowledged === audit.stored,
      },
      {
        check: 'first 202 after the proxy forwards again',
        value: recoveredMs < 0 ? 'never' : `${(recoveredMs / 1000).toFixed(1)} s`,
        ok: recoveredMs >= 0,
      },
      { check: 'non-202 answers once recovered', value: badAfter.length, target: '0', ok: !badAfter.length },
      { check: '/health during the cut', value: JSON.stringify(healthDuring), ok: true },
      {
        check: 'all acknowledged items analysed',
        value:
          analysedMs < 0
            ? `${audit.analysed}/${audit.acknowledged}`
            : `${audit.analysed} in ${(analysedMs / 1000).toFixed(1)} s`,
        ok: analysedMs >= 0,
      },
    ]);

    expect(during.length).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(otherDuring.map((a) => `${a.status} ${a.detail?.slice(0, 200)}`)).toEqual([]);
    expect(audit.stored).toBe(audit.acknowledged);
    expect(recoveredMs).toBeGreaterThanOrEqual(0);
    expect(failures(badAfter)).toEqual([]);
    expect(healthDuring).toEqual({ status: 503, down: ['database'] });
    expect(healthAfter).toEqual({ status: 200, down: [] });
    expect(audit.analysed).toBe(audit.acknowledged);
    expect(audit.duplicated).toBe(0);
  });
});
