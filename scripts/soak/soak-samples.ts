import { readdirSync, readFileSync } from 'node:fs';

/** One value of a Prometheus text exposition, e.g. `hearken_queue_jobs{state="waiting"}`; undefined when absent. */
export function metricValue(text: string, name: string, labels = ''): number | undefined {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}${labels} `) || l.startsWith(`${name}${labels}{`));
  return line ? Number(line.split(' ').pop()) : undefined;
}

/** Resident memory (MB) and open file descriptors of a local process, from /proc (Linux). */
export function processStats(pid: number): { rssMb: number; fds: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { rssMb: Math.round(rssKb / 1024), fds: readdirSync(`/proc/${pid}/fd`).length };
  } catch {
    return { rssMb: 0, fds: 0 };
  }
}

export interface MinuteRow {
  minute: number;
  requests: number;
  errors: number;
  /** `operation status` of each failed request. */
  failures: string[];
  p50: number;
  p99: number;
  apiRssMb: number;
  apiHandles: number;
  apiFds: number;
  workerRssMb: number;
  workerFds: number;
  queueWaiting: number;
}

export function minuteTable(rows: MinuteRow[]): string {
  return [
    '| minute | requests | errors | p50 ms | p99 ms | API RSS MB | API active handles | API fds | worker RSS MB | worker fds | jobs waiting |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.minute} | ${r.requests} | ${r.errors} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.apiRssMb} | ${r.apiHandles} | ${r.apiFds} | ${r.workerRssMb} | ${r.workerFds} | ${r.queueWaiting} |`,
    ),
  ].join('\n');
}
