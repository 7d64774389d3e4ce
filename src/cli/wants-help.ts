/** `--help` or `-h` anywhere among the arguments: a command asked for help must print it and do nothing else. */
export function wantsHelp(argv: readonly string[] = process.argv.slice(2)): boolean {
  return argv.some((arg) => arg === '--help' || arg === '-h');
}

/** Prints the help and ends the process with 0 when asked for it; otherwise returns. */
export function exitWithHelpIfAsked(help: string, argv: readonly string[] = process.argv.slice(2)): void {
  if (!wantsHelp(argv)) return;
  process.stdout.write(`${help}\n`);
  process.exit(0);
}

export const SERVE_HELP = `Usage: hearken serve   (npm start; npm run start:prod without the build)

Starts the API on HOST:PORT (default 0.0.0.0:3000; API docs at /docs). With ROLE=all (the default) it also runs
the analysis jobs; ROLE=api serves HTTP only and ROLE=worker runs jobs only (both need REDIS_URL).
Embedded by default: SQLite at ./data/hearken.sqlite, migrations applied at start; on MySQL run
\`hearken migrate run\` first. Configuration is read from the environment: DATABASE_URL, REDIS_URL, PORT, HOST,
ROLE, ADMIN_API_KEY (registers this admin key at boot), IDENTITY_SECRET, LOG_LEVEL, ... (see the README).`;

export const WORKER_HELP = `Usage: hearken worker   (npm run start:worker)

Runs the analysis jobs only, no HTTP: as many workers as you like, on any machine. Needs REDIS_URL and the
same DATABASE_URL and IDENTITY_SECRET as the API processes.`;
