import { MinuteRow } from './soak-samples';

/** What a soak must show: nothing failed, nothing grew, nothing left behind. */
export function soakVerdict(rows: MinuteRow[], drained: { seconds: number; left: number }): string[] {
  const failed: string[] = [];
  const errors = rows.reduce((s, r) => s + r.errors, 0);
  if (errors) failed.push(`${errors} request(s) failed`);
  // Minute 1 holds the warm-up (JIT, pools): growth is judged from minute 2.
  const base = rows[Math.min(1, rows.length - 1)];
  const last = rows[rows.length - 1];
  if (last.p99 > Math.max(2 * base.p99, 100))
    failed.push(`p99 grew ${base.p99.toFixed(0)} → ${last.p99.toFixed(0)} ms`);
  if (last.apiRssMb > base.apiRssMb * 1.25)
    failed.push(`API RSS grew ${base.apiRssMb} → ${last.apiRssMb} MB`);
  if (last.workerRssMb > base.workerRssMb * 1.25)
    failed.push(`worker RSS grew ${base.workerRssMb} → ${last.workerRssMb} MB`);
  if (last.apiHandles > Math.max(2 * base.apiHandles, base.apiHandles + 20))
    failed.push(`API active handles grew ${base.apiHandles} → ${last.apiHandles}`);
  if (drained.left || drained.seconds > 30)
    failed.push(
      drained.left
        ? `${drained.left} job(s) still waiting ${drained.seconds.toFixed(0)} s after the traffic stopped`
        : `the backlog at the end took ${drained.seconds.toFixed(0)} s to empty`,
    );
  return failed;
}
