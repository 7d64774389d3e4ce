import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { parseExpression } from 'cron-parser';
import { AppConfig, ENV_KEYS } from './app-config';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const propertyToEnv = Object.fromEntries(Object.entries(ENV_KEYS).map(([env, prop]) => [prop, env]));

/**
 * Builds the config from an environment (default: the process's). Empty strings count as unset.
 * Throws ConfigError listing every bad variable and why.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  overrides: Partial<AppConfig> = {},
): AppConfig {
  const plain: Record<string, unknown> = {};
  for (const [envKey, prop] of Object.entries(ENV_KEYS)) {
    const value = env[envKey];
    if (value !== undefined && value !== '') plain[prop] = value;
  }
  const config = plainToInstance(AppConfig, { ...plain, ...overrides });
  // Unset, links in emails point at this machine on the port it listens on (not always 3000).
  if (plain.publicUrl === undefined && overrides.publicUrl === undefined)
    config.publicUrl = `http://localhost:${config.port}`;
  const problems = validateSync(config, { forbidUnknownValues: true }).flatMap((e) => describe(e));
  if ((config.role === 'api' || config.role === 'worker') && !config.redisUrl) {
    problems.push(
      `ROLE=${config.role} needs REDIS_URL: an in-process queue cannot be shared between processes`,
    );
  }
  if (config.databaseType === 'mysql' && !config.identitySecret) {
    problems.push(
      'IDENTITY_SECRET is required with MySQL: every API and worker process must hash customer identities with the same key',
    );
  }
  if (!problems.some((p) => p.startsWith('DIGEST_CHECK_CRON'))) {
    try {
      parseExpression(config.digestCheckCron);
    } catch (error) {
      problems.push(
        `DIGEST_CHECK_CRON=${JSON.stringify(config.digestCheckCron)}: ${(error as Error).message}`,
      );
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}

function describe(error: ValidationError): string[] {
  const name = propertyToEnv[error.property] ?? error.property;
  const shown =
    typeof error.value === 'string' && /KEY|SECRET|URL/.test(name) ? '(hidden)' : JSON.stringify(error.value);
  return Object.values(error.constraints ?? {}).map((reason) => `${name}=${shown}: ${reason}`);
}
