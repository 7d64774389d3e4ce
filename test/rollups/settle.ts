import { DataSource } from 'typeorm';
import { JobQueueService } from '../../src/core/job-queue/job-queue.service';
import { TestApp } from '../helpers/create-test-app';
import { drainJobs } from '../helpers/job-queue/drain-jobs';
import { waitFor } from '../helpers/wait-for';

/**
 * Waits until every item is out of `pending`, every outcome event is counted in the customer figures (jobs reach
 * the queue through the outbox) and the queue is idle.
 * Delayed jobs are not waited for: the hourly anomaly detection's cron schedule always holds one.
 */
export async function settle(t: TestApp, timeoutMs = 60_000): Promise<void> {
  const db = t.app.get(DataSource);
  await waitFor(async () => {
    const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM feedback WHERE analysis_status = 'pending'`);
    const [{ m }] = await db.query(`SELECT COUNT(*) AS m FROM outcome_figures_pending`);
    return Number(n) === 0 && Number(m) === 0 ? true : undefined;
  }, timeoutMs);
  await drainJobs(t.app.get(JobQueueService), { timeoutMs, ignoreDelayed: true });
}
