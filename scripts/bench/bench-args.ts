import { parseArgs } from 'node:util';

export const BENCH_HELP = `Usage: npm run bench:ingest [-- options]

Measures ingestion over HTTP on this machine, each server in its own process (node dist/...):
  (a) a bare NestJS + Fastify endpoint that only validates a feedback body and answers 202
  (b) Hearken's POST /api/v1/feedback, one item per request (unique externalIds)
  (c) Hearken's POST /api/v1/feedback/batch, --batch-size items per request
Hearken runs with ROLE=api on a fresh, uniquely named MySQL database (migrated, dropped at the end) and
Bull on Redis under a unique queue prefix, so analysis jobs are only queued. Warms up, then runs the
rounds interleaved (a, b, c, a, b, c, ...) and prints medians and a table for the README, with the CPU time
per item of the measured server and of a local MariaDB/MySQL server (read from /proc on Linux).

  --duration S           seconds per measured round (default 10)
  --rounds N             measured rounds per scenario (default 3)
  --warmup S             seconds of warm-up per scenario (default 5)
  --connections N        connections for (a) and (b) (default 50)
  --batch-connections N  connections for (c) (default 4)
  --batch-size N         items per batch request (default 1000)
  --database-url URL     MySQL server, without a database (default mysql://root@127.0.0.1:3306)
  --redis-url URL        Redis (default redis://127.0.0.1:6379)
  --log-level L          LOG_LEVEL of the measured Hearken server (default info, the production default)
  --cpu-prof DIR         run Hearken under node --cpu-prof, profiles written to DIR
  -h, --help             show this help`;

export interface BenchArgs {
  duration: number;
  rounds: number;
  warmup: number;
  connections: number;
  batchConnections: number;
  batchSize: number;
  databaseUrl: string;
  redisUrl: string;
  logLevel: string;
  cpuProf?: string;
}

export class BenchUsageError extends Error {}

/** The named option of a parseArgs result as an integer in [min, max], or a usage error naming it. */
export function integerOption(values: object, name: string, min: number, max: number): number {
  const text = String((values as Record<string, unknown>)[name]);
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max)
    throw new BenchUsageError(`--${name} must be an integer from ${min} to ${max}, got "${text}"`);
  return Number(text);
}

/** The benches create their own database and queue prefix: they take servers, not a database. */
export function checkServerUrls(databaseUrl: string, redisUrl: string): void {
  if (!/^mysql:\/\/[^/]+\/?$/.test(databaseUrl))
    throw new BenchUsageError(
      '--database-url must be mysql://user:pass@host:port (no database: the bench creates its own)',
    );
  if (!/^rediss?:\/\//.test(redisUrl)) throw new BenchUsageError('--redis-url must be redis://host:port');
}

export function parseBenchArgs(argv: string[]): BenchArgs | undefined {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        duration: { type: 'string', default: '10' },
        rounds: { type: 'string', default: '3' },
        warmup: { type: 'string', default: '5' },
        connections: { type: 'string', default: '50' },
        'batch-connections': { type: 'string', default: '4' },
        'batch-size': { type: 'string', default: '1000' },
        'database-url': { type: 'string', default: 'mysql://root@127.0.0.1:3306' },
        'redis-url': { type: 'string', default: 'redis://127.0.0.1:6379' },
        'log-level': { type: 'string', default: 'info' },
        'cpu-prof': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  if (values.help) return undefined;
  const int = (name: string, min: number, max: number) => integerOption(values, name, min, max);
  checkServerUrls(values['database-url']!, values['redis-url']!);
  return {
    duration: int('duration', 1, 3600),
    rounds: int('rounds', 1, 50),
    warmup: int('warmup', 0, 600),
    connections: int('connections', 1, 1000),
    batchConnections: int('batch-connections', 1, 100),
    batchSize: int('batch-size', 1, 1000),
    databaseUrl: values['database-url']!.replace(/\/$/, ''),
    redisUrl: values['redis-url']!,
    logLevel: values['log-level']!,
    cpuProf: values['cpu-prof'],
  };
}
