import { JobCounts } from '../../../src/core/job-queue/job-queue-driver';
import { JobQueueService } from '../../../src/core/job-queue/job-queue.service';

/**
 * Waits until no job is waiting, running or (unless `ignoreDelayed`) delayed, for e2e tests that enqueue
 * work through the API and then assert on its effects. Throws with the last counts on timeout.
 * A registered cron schedule always has a delayed instance: pass `ignoreDelayed: true` when one exists.
 */
export async function drainJobs(
  queue: JobQueueService,
  { timeoutMs = 10_000, ignoreDelayed = false }: { timeoutMs?: number; ignoreDelayed?: boolean } = {},
): Promise<JobCounts> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.counts();
    if (counts.waiting + counts.active + (ignoreDelayed ? 0 : counts.delayed) === 0) return counts;
    if (Date.now() > deadline)
      throw new Error(`Jobs did not drain within ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
