import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/load-config';
import { PinoLoggerService } from './core/logging/pino-logger.service';
import { createPino } from './core/logging/create-pino';
import { exitWithHelpIfAsked, SERVE_HELP } from './cli/wants-help';

async function main(): Promise<void> {
  // Loaded here, not at the top: `--help` must answer without loading the whole application first.
  const { closeOnSignals, createHttpApp, createWorkerContext } = await import('./bootstrap');
  const config = loadConfigOrExit();
  const pino = createPino(config.logLevel);
  const log = new PinoLoggerService(pino);
  if (config.role === 'worker') {
    const worker = await createWorkerContext(config, { pino });
    closeOnSignals(worker, log);
    log.log(
      `Hearken worker started (queue: ${config.queueDriver}, database: ${config.databaseType})`,
      'Bootstrap',
    );
    return;
  }
  const app = await createHttpApp(config, { pino });
  closeOnSignals(app, log);
  await app.listen({ port: config.port, host: config.host });
  log.log(
    `Hearken listening on http://localhost:${config.port} (role: ${config.role}, queue: ${config.queueDriver}, ` +
      `database: ${config.databaseType}); API docs at /docs`,
    'Bootstrap',
  );
}

export function loadConfigOrExit(overrides = {}) {
  try {
    return loadConfig(process.env, overrides);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** The server's entry point (`npm start`, `hearken serve`): help when asked, else start. */
export function runCli(): void {
  exitWithHelpIfAsked(SERVE_HELP);
  main().catch((error: unknown) => {
    process.stderr.write(
      `Hearken failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}

if (require.main === module) runCli();
