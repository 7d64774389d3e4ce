import { DataSource } from 'typeorm';
import { JobQueueService } from '../../src/core/job-queue/job-queue.service';
import { TestApp } from '../helpers/create-test-app';
import { drainJobs } from '../helpers/job-queue/drain-jobs';
import { waitFor } from '../helpers/wait-for';

/**
 * Every item analysed and the queue idle. Delayed jobs are ignored: a cron schedule (the hourly anomaly
 * detection) always keeps one delayed instance.
 */
export async function settleFeedback(t: TestApp, timeoutMs = 40_000): Promise<void> {
  const db = t.app.get(DataSource);
  await waitFor(async () => {
    const [{ n }] = await db.query(`SELECT COUNT(*) AS n FROM feedback WHERE analysis_status = 'pending'`);
    return Number(n) === 0 ? true : undefined;
  }, timeoutMs);
  await drainJobs(t.app.get(JobQueueService), { timeoutMs, ignoreDelayed: true });
}
