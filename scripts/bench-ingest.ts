import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { BENCH_HELP, BenchUsageError, parseBenchArgs } from './bench/bench-args';
import { createBenchDatabase } from './bench/bench-database';
import { formatRound, formatTable, median, medianRound } from './bench/bench-report';
import { batchBody, createdCount, RoundResult, runRound, Scenario, singleBody } from './bench/load-scenarios';
import { databaseServerPid } from './bench/process-cpu';
import { ServerProcess, startServer } from './bench/server-process';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (!args) {
    process.stdout.write(`${BENCH_HELP}\n`);
    return 0;
  }
  log(
    `machine: ${cpus().length} x ${cpus()[0]?.model.trim()}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, node ${process.version}`,
  );
  const database = await createBenchDatabase(args.databaseUrl, args.redisUrl);
  log(
    `database ${database.databaseUrl.replace(/\/\/[^@]*@/, '//')} migrated; queue prefix ${database.queuePrefix}`,
  );
  const servers: ServerProcess[] = [];
  try {
    const apiKey = randomBytes(24).toString('hex');
    const nodeArgs = args.cpuProf ? [`--cpu-prof`, `--cpu-prof-dir=${resolve(args.cpuProf)}`] : [];
    if (args.cpuProf) mkdirSync(args.cpuProf, { recursive: true });
    const bare = await startServer('dist/scripts/bench/bare-validate-server.js', 39_411, {});
    servers.push(bare);
    const hearken = await startServer(
      'dist/src/main.js',
      39_412,
      {
        ROLE: 'api',
        DATABASE_URL: database.databaseUrl,
        REDIS_URL: args.redisUrl,
        QUEUE_PREFIX: database.queuePrefix,
        IDENTITY_SECRET: database.identitySecret,
        ADMIN_API_KEY: apiKey,
        // The limiter would measure itself: 6,000 a minute is 100 req/s.
        RATE_LIMIT_PER_MINUTE: '1000000000',
        LOG_LEVEL: args.logLevel,
      },
      nodeArgs,
    );
    servers.push(hearken);
    const auth = { authorization: `Bearer ${apiKey}` };
    const scenarios: [string, Scenario][] = [
      [
        '(a) bare',
        { url: `${bare.url}/feedback`, connections: args.connections, body: singleBody, itemsPerRequest: 1 },
      ],
      [
        '(b) single',
        {
          url: `${hearken.url}/api/v1/feedback`,
          connections: args.connections,
          headers: auth,
          body: singleBody,
          itemsPerRequest: 1,
        },
      ],
      [
        '(c) batch',
        {
          url: `${hearken.url}/api/v1/feedback/batch`,
          connections: args.batchConnections,
          headers: auth,
          body: batchBody(args.batchSize),
          itemsPerRequest: args.batchSize,
          storedItems: createdCount,
        },
      ],
    ];
    if (args.warmup > 0) {
      for (const [label, scenario] of scenarios) {
        log(`warming up ${label} for ${args.warmup} s`);
        await runRound(scenario, args.warmup);
      }
    }
    // Interleaved, so a noisy neighbour or a growing table weighs on every scenario alike.
    const rounds = new Map<string, RoundResult[]>(scenarios.map(([label]) => [label, []]));
    const databasePid = databaseServerPid();
    const serverOf = (label: string) => (label === '(a) bare' ? bare : hearken).child.pid;
    for (let round = 1; round <= args.rounds; round++) {
      for (const [label, scenario] of scenarios) {
        const result = await runRound(scenario, args.duration, {
          server: serverOf(label),
          database: databasePid,
        });
        rounds.get(label)!.push(result);
        log(`round ${round}/${args.rounds} ${formatRound(label, result)}`);
      }
    }
    const [bareResult, singleResult, batchResult] = scenarios.map(([label]) =>
      medianRound(rounds.get(label)!),
    );
    // Rounds are interleaved, so a round's (b)/(a) shares its moment's noise: its median is the steadier ratio.
    const [bareRounds, singleRounds] = [rounds.get('(a) bare')!, rounds.get('(b) single')!];
    const roundRatio = median(
      singleRounds.map((r, i) => r.requestsPerSecond / bareRounds[i].requestsPerSecond),
    );
    process.stdout.write(
      `\nMedians of ${args.rounds} rounds of ${args.duration} s (MySQL + Bull on Redis, ROLE=api, LOG_LEVEL=${args.logLevel}, ${cpus().length} CPUs, load generator in a separate process):\n\n` +
        formatTable({
          roundRatio,
          bare: bareResult,
          single: singleResult,
          batch: batchResult,
          connections: args.connections,
          batchConnections: args.batchConnections,
          batchSize: args.batchSize,
        }) +
        '\n',
    );
    const failures = bareResult.failures + singleResult.failures + batchResult.failures;
    if (failures)
      log(
        `WARNING: ${failures} requests failed (non-2xx, errors or timeouts); the numbers count only 2xx answers`,
      );
    return 0;
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await database.drop();
    if (args.cpuProf)
      log(`CPU profiles of the Hearken server in ${resolve(args.cpuProf)} (open in Chrome DevTools)`);
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `bench-ingest: ${error instanceof BenchUsageError ? `${error.message} (see --help)` : error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exitCode = error instanceof BenchUsageError ? 2 : 1;
  },
);
