import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import pino from 'pino';
import { createWorkerContext } from '../../src/bootstrap';
import type { AppConfig } from '../../src/config/app-config';
import { loadConfig } from '../../src/config/load-config';
import { createPino } from '../../src/core/logging/create-pino';
import { withTimeout } from '../../src/core/job-queue/with-timeout.util';
import { OutboxService } from '../../src/core/outbox/outbox.service';

/**
 * The app without HTTP and without jobs (role `cli`) on DATABASE_URL: what it queues goes to Bull when
 * REDIS_URL is set, and otherwise stays in the outbox for the running server's sweeper. Logs go to stderr
 * (stdout is the tool's own output), at `warn` unless LOG_LEVEL says otherwise.
 */
export async function bootCliContext(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ app: INestApplicationContext; config: AppConfig }> {
  const config = loadConfig(env, { role: 'cli', ...(env.LOG_LEVEL ? {} : { logLevel: 'warn' }) });
  const app = await createWorkerContext(config, { pino: createPino(config.logLevel, pino.destination(2)) });
  await app.init();
  return { app, config };
}

/**
 * Before closing: ingest() hands each batch's jobs to OutboxService.sendSoon(), which holds them a few ms
 * and sends without waiting, so the last sends may still be in flight. With Bull, wait for those sends
 * (each deletes its rows when done), then send whatever is left (the job id comes from the outbox row: a
 * second send is a no-op). Returns the jobs still waiting for the server's sweeper.
 */
export async function flushOutbox(
  app: INestApplicationContext,
  config: AppConfig,
  timeoutMs = 5_000,
): Promise<number> {
  const outbox = app.get(OutboxService);
  if (config.queueDriver === 'bull') {
    await withTimeout(outbox.drain(), timeoutMs, `the outbox did not drain within ${timeoutMs} ms`).catch(
      () => undefined,
    );
    if ((await outbox.pendingCount()) > 0) await outbox.sweep(0);
  }
  return outbox.pendingCount();
}

/** One line on where the analysis of what was just stored will happen. */
export function describeQueuedAnalysis(config: AppConfig, waiting: number): string {
  if (config.queueDriver === 'bull') {
    return waiting
      ? `jobs: ${waiting} (analysis, counting outcomes in the indices) could not reach Redis yet; the server sends them within a minute\n`
      : 'jobs: analysis and outcome counting queued on Redis for the workers\n';
  }
  return waiting
    ? `jobs: ${waiting} (analysis, counting outcomes in the indices) wait in the database; the running server (npm start) picks them up within ~15 s\n`
    : '';
}
