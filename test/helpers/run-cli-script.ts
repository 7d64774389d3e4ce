import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './spawn-process';
import { TestEnvironment } from './test-database';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a compiled script (dist/, built by `npm test`) as a real process against a test environment. */
export function runCliScript(script: string, env: TestEnvironment, args: string[]): Promise<CliRun> {
  const vars: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: env.config.databaseUrl,
    QUEUE_PREFIX: env.config.queuePrefix,
  };
  if (env.config.redisUrl) vars.REDIS_URL = env.config.redisUrl;
  // MySQL installs must share one identity secret between processes; SQLite keeps its own beside the file.
  if (env.config.identitySecret) vars.IDENTITY_SECRET = env.config.identitySecret;
  return new Promise((done) =>
    execFile(
      process.execPath,
      [join(REPO_ROOT, script), ...args],
      { env: vars, cwd: tmpdir() },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}
