import { spawn } from 'node:child_process';
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

/**
 * Starts a worker on the database's backlog of outcome events waiting for their fold and times it until none is
 * left (polled every 100 ms; fails after 10 minutes). The clock starts at the first counted job, so the worker's
 * own start-up is left out; the events are those still waiting then.
 */
export async function measureFold(databaseUrl: string, env: Record<string, string>): Promise<FoldResult> {
  const db = await createConnection(databaseUrl);
  const pending = async () => {
    const [rows] = await db.query('SELECT COUNT(*) AS n FROM outcome_figures_pending');
    return Number((rows as { n: number }[])[0].n);
  };
  const backlog = await pending();
  const started = Date.now();
  let first: { at: number; left: number; worker?: number; database?: number } | undefined;
  const dbPid = databaseServerPid();
  const worker = spawn(process.execPath, [resolve(__dirname, '../../src/worker.js')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let left = backlog; left > 0; left = await pending()) {
      if (!first && left < backlog)
        first = { at: Date.now(), left, worker: cpuSeconds(worker.pid), database: cpuSeconds(dbPid) };
      if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}`);
      if (Date.now() - started > 600_000) throw new Error('the fold did not finish within 10 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
    const since = first ?? { at: started, left: backlog };
    const ms = Math.max(1, Date.now() - since.at);
    const usPerEvent = (before: number | undefined, now: number | undefined) =>
      before === undefined || now === undefined || !since.left
        ? undefined
        : ((now - before) * 1e6) / since.left;
    return {
      events: since.left,
      ms,
      perSecond: (since.left / ms) * 1000,
      workerUs: usPerEvent(since.worker, cpuSeconds(worker.pid)),
      databaseUs: usPerEvent(since.database, cpuSeconds(dbPid)),
    };
  } finally {
    await db.end();
    if (worker.exitCode === null) {
      const exited = new Promise((done) => worker.once('exit', done));
      worker.kill('SIGTERM');
      await exited;
    }
  }
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

/**
 * The API under load while a worker counts at the same time (the steady state of a busy install): one round of
 * `seconds`, then the time the worker needs for what is left.
 */
export async function measureTogether(
  databaseUrl: string,
  env: Record<string, string>,
  round: (seconds: number) => Promise<{ itemsPerSecond: number }>,
  seconds: number,
): Promise<TogetherResult> {
  const db = await createConnection(databaseUrl);
  const pending = async () => {
    const [rows] = await db.query('SELECT COUNT(*) AS n FROM outcome_figures_pending');
    return Number((rows as { n: number }[])[0].n);
  };
  const worker = spawn(process.execPath, [resolve(__dirname, '../../src/worker.js')], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await new Promise((r) => setTimeout(r, 3_000)); // the worker's start-up
    const { itemsPerSecond } = await round(seconds);
    const stopped = Date.now();
    const backlog = await pending();
    for (let left = backlog; left > 0; left = await pending()) {
      if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}`);
      if (Date.now() - stopped > 600_000) throw new Error('the fold did not finish within 10 minutes');
      await new Promise((r) => setTimeout(r, 100));
    }
    const drainSeconds = (Date.now() - stopped) / 1000;
    return {
      ingested: itemsPerSecond,
      backlog,
      drainSeconds,
      system: (itemsPerSecond * seconds) / (seconds + drainSeconds),
    };
  } finally {
    await db.end();
    if (worker.exitCode === null) {
      const exited = new Promise((done) => worker.once('exit', done));
      worker.kill('SIGTERM');
      await exited;
    }
  }
}
