import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createHttpApp } from '../../src/bootstrap';
import { AppConfig } from '../../src/config/app-config';
import { createPino } from '../../src/core/logging/create-pino';
import { ApiKeysService } from '../../src/modules/api-keys/api-keys.service';
import { ApiKeyScope } from '../../src/modules/api-keys/entities/api-key.entity';
import { createTestEnvironment, TestEnvironment } from './test-database';
import { TEST_TARGET, TestTarget } from './test-target';

export interface TestApp {
  app: NestFastifyApplication;
  env: TestEnvironment;
  config: AppConfig;
  /** An API key with these scopes, created through the service. */
  keyWith(...scopes: ApiKeyScope[]): Promise<string>;
  close(): Promise<void>;
}

/** Boots the whole app over HTTP (Fastify inject) on a fresh database of the current test target. */
export async function createTestApp(
  overrides: Partial<AppConfig> = {},
  target: TestTarget = TEST_TARGET,
): Promise<TestApp> {
  const env = await createTestEnvironment(target, overrides);
  let app: NestFastifyApplication;
  try {
    await env.migrate();
    app = await createHttpApp(env.config, { pino: createPino('silent') });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (error) {
    await env.cleanup(); // never leave a test database behind
    throw error;
  }
  return {
    app,
    env,
    config: env.config,
    keyWith: async (...scopes) =>
      (await app.get(ApiKeysService).create(`test-${scopes.join('-')}`, scopes)).key,
    close: async () => {
      await app.close();
      await env.cleanup();
    },
  };
}
