import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { cpuSeconds, databaseServerPid } from './process-cpu';

export interface FoldResult {
  events: number;
  ms: number;
  perSecond: number;
  /** CPU µs per event counted, of the worker and of the database server (undefined where /proc is missing). */
  workerUs?: number;
  databaseUs?: number;
}

export interface TogetherResult {
  /** What the API stored per second while the worker counted. */
  ingested: number;
  /** Events still waiting when the load stopped, and the seconds the worker then took to count them. */
  backlog: number;
  drainSeconds: number;
  /** Events stored over the load plus the drain: what API and worker sustain together. */
  system: number;
}

interface FoldWorker {
  worker: ChildProcess;
  pending(): Promise<number>;
  /** Polls every 100 ms until nothing is pending, calling `each` with every count; fails if the worker dies or after 10 min. */
  drain(each?: (left: number) => void): Promise<void>;
}

/** A worker process (ROLE=worker in `env`) and the count of outcome events still waiting for their fold. */
async function withFoldWorker<T>(
  databaseUrl: string,
  env: Record<string, string>,
  work: (w: FoldWorker) => Promise<T>,
): Promise<T> {
  const db = await createConnection(databaseUrl);
  const worker = spawn(process.execPath, [resolve(__dirname, '../../src/worker.js')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pending = async () => {
    const [rows] = await db.query('SELECT COUNT(*) AS n FROM outcome_figures_pending');
    return Number((rows as { n: number }[])[0].n);
  };
  const drain = async (each: (left: number) => void = () => {}) => {
    const started = Date.now();
    for (let left = await pending(); left > 0; left = await pending()) {
      each(left);
      if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}`);
      if (Date.now() - started > 600_000) throw new Error('the fold did not finish within 10 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  try {
    return await work({ worker, pending, drain });
  } finally {
    await db.end();
    if (worker.exitCode === null) {
      const exited = new Promise((done) => worker.once('exit', done));
      worker.kill('SIGTERM');
      await exited;
    }
  }
}

/**
 * Starts a worker on the database's backlog of outcome events waiting for their fold and times it until none is
 * left. The clock starts at the first counted job, so the worker's own start-up is left out; the events are those
 * still waiting then.
 */
export function measureFold(databaseUrl: string, env: Record<string, string>): Promise<FoldResult> {
  return withFoldWorker(databaseUrl, env, async ({ worker, pending, drain }) => {
    const backlog = await pending();
    const dbPid = databaseServerPid();
    let first = {
      at: Date.now(),
      left: backlog,
      worker: cpuSeconds(worker.pid),
      database: cpuSeconds(dbPid),
    };
    let moved = false;
    await drain((left) => {
      if (moved || left >= backlog) return;
      moved = true;
      first = { at: Date.now(), left, worker: cpuSeconds(worker.pid), database: cpuSeconds(dbPid) };
    });
    const ms = Math.max(1, Date.now() - first.at);
    const usPerEvent = (before: number | undefined, now: number | undefined) =>
      before === undefined || now === undefined || !first.left
        ? undefined
        : ((now - before) * 1e6) / first.left;
    return {
      events: first.left,
      ms,
      perSecond: (first.left / ms) * 1000,
      workerUs: usPerEvent(first.worker, cpuSeconds(worker.pid)),
      databaseUs: usPerEvent(first.database, cpuSeconds(dbPid)),
    };
  });
}

/**
 * The API under load while a worker counts at the same time (the steady state of a busy install): one round of
 * `seconds`, then the time the worker needs for what is left.
 */
export function measureTogether(
  databaseUrl: string,
  env: Record<string, string>,
  round: (seconds: number) => Promise<{ itemsPerSecond: number }>,
  seconds: number,
): Promise<TogetherResult> {
  return withFoldWorker(databaseUrl, env, async ({ pending, drain }) => {
    await new Promise((r) => setTimeout(r, 3_000)); // the worker's start-up
    const { itemsPerSecond } = await round(seconds);
    const stopped = Date.now();
    const backlog = await pending();
    await drain();
    const drainSeconds = (Date.now() - stopped) / 1000;
    return {
      ingested: itemsPerSecond,
      backlog,
      drainSeconds,
      system: (itemsPerSecond * seconds) / (seconds + drainSeconds),
    };
  });
}
