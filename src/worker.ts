import 'reflect-metadata';
import { createPino } from './core/logging/create-pino';
import { PinoLoggerService } from './core/logging/pino-logger.service';
import { loadConfigOrExit } from './main';
import { exitWithHelpIfAsked, WORKER_HELP } from './cli/wants-help';

/** `npm run start:worker`: runs jobs only, no HTTP. Needs REDIS_URL (ROLE=worker is implied). */
async function main(): Promise<void> {
  const { closeOnSignals, createWorkerContext } = await import('./bootstrap');
  const config = loadConfigOrExit({ role: 'worker' });
  const pino = createPino(config.logLevel);
  const log = new PinoLoggerService(pino);
  const worker = await createWorkerContext(config, { pino });
  closeOnSignals(worker, log);
  log.log(
    `Hearken worker started (queue: ${config.queueDriver}, database: ${config.databaseType})`,
    'Bootstrap',
  );
}

exitWithHelpIfAsked(WORKER_HELP);
main().catch((error: unknown) => {
  process.stderr.write(
    `Hearken worker failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
