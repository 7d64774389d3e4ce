import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { INestApplicationContext, LoggerService } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { Logger as Pino } from 'pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { closeHttpServer } from './core/http/close-http-server';
import { configureFastify, REQUEST_ID_HEADER } from './core/http/configure-fastify';
import { DeadlineInterceptor } from './core/http/deadline.interceptor';
import { HttpExceptionFilter } from './core/http/http-exception.filter';
import { JSON_BODY_LIMIT_BYTES } from './core/http/json-body-parser';
import { createValidationPipe } from './core/http/validation.pipe';
import { httpTimeouts } from './core/http/http-timeouts';
import { createPino } from './core/logging/create-pino';
import { PinoLoggerService } from './core/logging/pino-logger.service';
import { MetricsService } from './core/metrics/metrics.service';
import { OutboxService } from './core/outbox/outbox.service';

export interface BootOptions {
  /** Defaults to JSON lines on stdout at config.logLevel. */
  pino?: Pino;
}

/** The API (and, in embedded mode, the in-process worker): configured, not yet listening. */
export async function createHttpApp(
  config: AppConfig,
  options: BootOptions = {},
): Promise<NestFastifyApplication> {
  const pino = options.pino ?? createPino(config.logLevel);
  const logger = new PinoLoggerService(pino);
  const adapter = new FastifyAdapter({
    logger: false,
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    requestIdHeader: REQUEST_ID_HEADER,
    genReqId: () => randomUUID(),
    trustProxy: true,
    ...httpTimeouts(config.requestTimeoutMs),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger,
    bodyParser: false, // our own JSON-only parser: see core/http/json-body-parser.ts
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  configureFastify(fastify, pino);
  const metrics = app.get(MetricsService);
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions?.url ?? 'unmatched';
    metrics.observeHttp(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  // A request waits at most for a connection, a query and its commit: three database bounds.
  app.useGlobalInterceptors(new DeadlineInterceptor(config.databaseTimeoutMs * 3));
  setUpOpenApi(app);
  return app;
}

/** The worker: the same modules with no HTTP server. */
export async function createWorkerContext(
  config: AppConfig,
  options: BootOptions = {},
): Promise<INestApplicationContext> {
  const pino = options.pino ?? createPino(config.logLevel);
  return NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new PinoLoggerService(pino),
    abortOnError: false,
  });
}

function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hearken API')
      .setDescription(
        'Collect customer feedback from every channel, analyse it and serve trends. ' +
          'Authenticate with `Authorization: Bearer <API key>`; errors always answer `{ statusCode, code, message, details }`.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/**
 * Nest closes the HTTP server only after the destroy hooks, which stop the job queue: requests arriving in
 * between would commit items whose jobs could no longer be sent. So: stop taking requests and answer the ones
 * received, then hand the outbox to the queue while it is open, then stop the rest (jobs, queue, database).
 */
async function shutDown(app: INestApplicationContext): Promise<void> {
  if (isHttpApp(app)) await closeHttpServer(app.getHttpAdapter().getInstance());
  await app.get(OutboxService, { strict: false }).drain();
  await app.close();
}

function isHttpApp(app: INestApplicationContext): app is NestFastifyApplication {
  return 'getHttpAdapter' in app;
}

/** Stop within `limitMs` on SIGTERM/SIGINT: stop taking requests, finish running jobs, close connections. */
export function closeOnSignals(app: INestApplicationContext, log: LoggerService, limitMs = 10_000): void {
  let closing = false;
  const close = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    log.log(`${signal} received: shutting down`, 'Bootstrap');
    setTimeout(() => {
      log.error(`Shutdown took longer than ${limitMs} ms; exiting`, undefined, 'Bootstrap');
      process.exit(1);
    }, limitMs).unref();
    shutDown(app).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(error, undefined, 'Bootstrap');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
