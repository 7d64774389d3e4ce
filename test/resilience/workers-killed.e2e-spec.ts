import { TEST_TARGET } from '../helpers/test-target';
import { differences, expectedRollups, storedRollups } from '../rollups/rollup-expectation';
import { auditAnalysis, waitUntilAnalysed } from './support/analysis-audit';
import { sleep } from './support/health-probe';
import { IngestTraffic } from './support/ingest-traffic';
import { ScenarioCluster } from './support/scenario-cluster';
import { reportScenario } from './support/scenario-report';

/**
 * Resilience scenario 4: every worker is SIGKILLed three times while it runs analysis batches (each kill only
 * once Redis shows running jobs), and replaced at once. The jobs they held are found stalled and run again.
 * Afterwards every item is analysed exactly once per pipeline version, the rollups equal a recomputation from
 * the raw rows, and the time from the last kill to "everything analysed" is reported.
 */
const ITEMS = 800;
const WORKERS = 2;
const KILLS = 3;

jest.setTimeout(240_000);
const describeMysql = TEST_TARGET === 'mysql' ? describe : describe.skip;

describeMysql('resilience 4: workers killed mid-batch (MySQL + Bull)', () => {
  const cluster = new ScenarioCluster();
  beforeAll(() => cluster.start(WORKERS));
  afterAll(() => cluster.stop());

  it('analyses every item once and keeps rollups equal to a recomputation', async () => {
    const traffic = new IngestTraffic(cluster.apiUrl, cluster.apiKey, 'r4', {
      concurrency: 2,
      batchSize: 100,
      maxRequests: ITEMS / 100,
    });
    traffic.start();
    await traffic.finished();
    const acknowledged = traffic.acknowledged;
    expect(new Set(acknowledged).size).toBe(ITEMS);

    const kills: { analysed: number; active: number }[] = [];
    let lastKill = 0;
    for (let k = 0; k < KILLS; k++) {
      // Mid-batch: the workers hold running jobs and have analysed more since the last kill.
      const before = k === 0 ? 0 : kills[k - 1].analysed;
      const state = await waitForRunningJobs(cluster, acknowledged, before);
      for (const worker of [...cluster.workers]) await cluster.killWorker(worker);
      lastKill = Date.now();
      kills.push(state);
      for (let i = 0; i < WORKERS; i++) cluster.startWorker();
    }

    const analysedMs = await waitUntilAnalysed(cluster, acknowledged, 150_000);
    const recoveryMs = analysedMs < 0 ? -1 : Date.now() - lastKill;
    await waitForIdleQueue(cluster);
    const audit = await auditAnalysis(cluster, acknowledged);
    const [versions] = await cluster.query<{ n: number }>(
      'SELECT COUNT(DISTINCT pipeline_version) AS n FROM feedback_analysis',
    );
    const [rows] = await cluster.query<{ n: number }>('SELECT COUNT(*) AS n FROM feedback_analysis');
    const db = await cluster.dataSource();
    let rollupDifferences: string[] = [];
    try {
      for (const grain of ['hour', 'day'] as const) {
        rollupDifferences = [
          ...rollupDifferences,
          ...differences(await expectedRollups(db, grain), await storedRollups(db, grain)),
        ];
      }
    } finally {
      await db.destroy();
    }
    cluster.traceLogs();

    reportScenario('4 workers killed', [
      { check: `items ingested, then analysed by ${WORKERS} workers`, value: ITEMS, ok: true },
      {
        check: 'SIGKILLs of every worker, mid-batch (analysed so far / running jobs)',
        value: kills.map((s) => `${s.analysed}/${s.active}`).join(', '),
        target: `${KILLS}`,
        ok: kills.length === KILLS && kills.every((s) => s.active > 0),
      },
      { check: 'items analysed', value: audit.analysed, target: `${ITEMS}`, ok: audit.analysed === ITEMS },
      {
        check: 'analysis rows per item and pipeline version',
        value: `${Number(rows.n)} rows, ${Number(versions.n)} version(s), ${audit.duplicated} duplicated`,
        target: '1 each',
        ok: Number(rows.n) === ITEMS && Number(versions.n) === 1 && audit.duplicated === 0,
      },
      {
        check: 'rollup rows differing from a recomputation',
        value: rollupDifferences.length,
        target: '0',
        ok: !rollupDifferences.length,
      },
      {
        check: 'recovery: last kill to everything analysed',
        value: recoveryMs < 0 ? 'never' : `${(recoveryMs / 1000).toFixed(1)} s`,
        ok: recoveryMs >= 0,
      },
    ]);

    expect(kills.map((s) => s.active > 0)).toEqual(Array(KILLS).fill(true));
    expect(audit.stored).toBe(ITEMS);
    expect(audit.analysed).toBe(ITEMS);
    expect(audit.duplicated).toBe(0);
    expect({ rows: Number(rows.n), versions: Number(versions.n) }).toEqual({ rows: ITEMS, versions: 1 });
    expect(rollupDifferences).toEqual([]);
  });
});

/** Waits until Redis shows running jobs and more items are analysed than `after`. */
async function waitForRunningJobs(
  cluster: ScenarioCluster,
  ids: string[],
  after: number,
): Promise<{ analysed: number; active: number }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const { active } = await cluster.queuedJobs();
    const { analysed } = await auditAnalysis(cluster, ids);
    if ((active > 0 && analysed > after) || Date.now() > deadline) return { analysed, active };
    await sleep(50);
  }
}

async function waitForIdleQueue(cluster: ScenarioCluster): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { waiting, active } = await cluster.queuedJobs();
    if ((waiting === 0 && active === 0) || Date.now() > deadline) return;
    await sleep(200);
  }
}
