import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/load-config';
import { closeOnSignals, createHttpApp } from './bootstrap';
import { PinoLoggerService } from './core/logging/pino-logger.service';
import { createPino } from './core/logging/create-pino';
import { createWorkerContext } from './bootstrap';

async function main(): Promise<void> {
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

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `Hearken failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
}
