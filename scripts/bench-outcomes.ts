import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { BenchUsageError, parseBenchArgs } from './bench/bench-args';
import { createBenchDatabase } from './bench/bench-database';
import { formatRound, medianRound } from './bench/bench-report';
import { createdCount, RoundResult, runRound, Scenario } from './bench/load-scenarios';
import { outcomeBatchBody } from './bench/outcome-items';
import { databaseServerPid } from './bench/process-cpu';
import { startServer } from './bench/server-process';
import { measureFold, measureTogether } from './bench/outcome-fold';

const HELP = `Usage: npm run bench:outcomes [-- options]

Measures outcome-event ingestion: POST /api/v1/outcomes/batch (--batch-size events per request,
--batch-connections at once) against Hearken with ROLE=api on a fresh MySQL database (dropped at the
end). Events are a mix of lifecycle (80 %), referral (18 %) and retention (2 %) with unique externalIds;
only events the answers count as created are counted. Target: >= 10,000 events/s.

Then the fold: the customer-level figures of the SAT indices count stored events in background jobs. With
the rounds done, a worker (ROLE=worker, its own process) starts on the backlog they left; the bench prints
how fast it counted them (events/s) once nothing is pending. Last, the steady state: the API under load for
all the rounds' seconds with a worker counting beside it, then until the worker has counted the rest; the
events stored over that whole time are what the two sustain together.

Options as bench:ingest (--duration, --rounds, --warmup, --batch-connections, --batch-size,
--database-url, --redis-url, --log-level).`;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const args = parseBenchArgs(process.argv.slice(2))!;
  log(
    `machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const database = await createBenchDatabase(args.databaseUrl, args.redisUrl);
  const apiKey = randomBytes(24).toString('hex');
  const hearken = await startServer('dist/src/main.js', 39_413, {
    ROLE: 'api',
    DATABASE_URL: database.databaseUrl,
    REDIS_URL: args.redisUrl,
    QUEUE_PREFIX: database.queuePrefix,
    IDENTITY_SECRET: database.identitySecret,
    ADMIN_API_KEY: apiKey,
    RATE_LIMIT_PER_MINUTE: '1000000000',
    LOG_LEVEL: args.logLevel,
  });
  try {
    const scenario: Scenario = {
      url: `${hearken.url}/api/v1/outcomes/batch`,
      connections: args.batchConnections,
      headers: { authorization: `Bearer ${apiKey}` },
      body: outcomeBatchBody(args.batchSize),
      itemsPerRequest: args.batchSize,
      storedItems: createdCount,
    };
    if (args.warmup > 0) {
      log(`warming up for ${args.warmup} s`);
      await runRound(scenario, args.warmup);
    }
    const rounds: RoundResult[] = [];
    const pids = { server: hearken.child.pid, database: databaseServerPid() };
    for (let round = 1; round <= args.rounds; round++) {
      rounds.push(await runRound(scenario, args.duration, pids));
      log(`round ${round}/${args.rounds} ${formatRound('outcomes/batch', rounds[rounds.length - 1])}`);
    }
    const workerEnv = {
      ROLE: 'worker',
      DATABASE_URL: database.databaseUrl,
      REDIS_URL: args.redisUrl,
      QUEUE_PREFIX: database.queuePrefix,
      IDENTITY_SECRET: database.identitySecret,
      LOG_LEVEL: args.logLevel,
    };
    const fold = await measureFold(database.databaseUrl, workerEnv);
    log(
      `fold alone: ${Math.round(fold.perSecond)} events/s; now the API under load with a worker counting beside it`,
    );
    const together = await measureTogether(
      database.databaseUrl,
      workerEnv,
      (seconds) => runRound(scenario, seconds),
      args.duration * args.rounds,
    );
    const result = medianRound(rounds);
    const perSecond = Math.round(result.itemsPerSecond).toLocaleString('en-US');
    const range = rounds.map((r) => Math.round(r.itemsPerSecond).toLocaleString('en-US')).join(', ');
    process.stdout.write(
      `\nMedian of ${args.rounds} rounds of ${args.duration} s (MySQL, ROLE=api, ${cpus().length} CPUs):\n\n` +
        '| scenario | connections | events/s | p50 ms | p99 ms | rounds |\n|---|---:|---:|---:|---:|---|\n' +
        `| POST /api/v1/outcomes/batch (${args.batchSize} events) | ${args.batchConnections} | ${perSecond} | ${result.p50Ms} | ${result.p99Ms} | ${range} |\n\n` +
        `target >= 10,000 events/s: ${result.itemsPerSecond >= 10_000 ? 'met' : 'MISSED'}\n\n` +
        `fold (one worker, alone, on the backlog the rounds left): ${fold.events.toLocaleString('en-US')} events ` +
        `counted in ${(fold.ms / 1000).toFixed(1)} s = ${Math.round(fold.perSecond).toLocaleString('en-US')} events/s` +
        `, CPU µs/event worker ${fold.workerUs?.toFixed(0) ?? '?'} database ${fold.databaseUs?.toFixed(0) ?? '?'}\n` +
        `together (API under load for ${args.duration * args.rounds} s with a worker counting beside it): stored ` +
        `${Math.round(together.ingested).toLocaleString('en-US')} events/s, ${together.backlog.toLocaleString('en-US')} left ` +
        `to count, counted in ${together.drainSeconds.toFixed(1)} s more: sustained ` +
        `${Math.round(together.system).toLocaleString('en-US')} events/s\n`,
    );
    if (result.failures) log(`WARNING: ${result.failures} requests failed`);
    return 0;
  } finally {
    await hearken.stop();
    await database.drop();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench-outcomes: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof BenchUsageError ? 2 : 1;
  },
);
