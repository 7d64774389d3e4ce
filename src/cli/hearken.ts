#!/usr/bin/env node
import { join } from 'node:path';
import { wantsHelp } from './wants-help';

/** Each subcommand is one of the compiled entry points; its own --help says the rest. */
const COMMANDS: Record<string, { entry: string; about: string; drop?: string }> = {
  serve: { entry: '../main.js', about: 'start the API (and, embedded, the analysis jobs)' },
  worker: { entry: '../worker.js', about: 'run analysis jobs only, no HTTP (needs REDIS_URL)' },
  migrate: { entry: '../../scripts/migrate.js', about: 'run | revert | status: the database migrations' },
  import: { entry: '../../scripts/import.js', about: 'bulk-load feedback from a CSV or NDJSON file' },
  demo: { entry: '../../scripts/demo.js', about: 'load 26 weeks of a synthetic company' },
  score: {
    entry: '../../scripts/score.js',
    about: 'analyse NDJSON texts from stdin to stdout, nothing stored',
  },
  eval: { entry: '../../scripts/eval.js', about: 'measure sentiment and topics on labelled data sets' },
  'api-key': {
    entry: '../../scripts/create-api-key.js',
    about: 'create an API key (hearken api-key create --name ops --scopes admin)',
    drop: 'create',
  },
};

export const HEARKEN_HELP = `Usage: hearken <command> [options]     (hearken <command> --help for its options)

${Object.entries(COMMANDS)
  .map(([name, { about }]) => `  ${name.padEnd(9)} ${about}`)
  .join('\n')}

Configuration comes from the environment (DATABASE_URL, REDIS_URL, ADMIN_API_KEY, ...; see the README).
Example: npx hearken score < texts.ndjson > scores.ndjson`;

/**
 * One command for every entry point, so its output is the tool's own (no npm banner in `score`'s NDJSON). The
 * entry point runs in this process, with the arguments it would get as `node dist/<entry>.js ...`.
 */
function run(argv: readonly string[]): void {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    const asked = name !== undefined && wantsHelp([name]);
    const problem = name === undefined ? 'hearken: which command?' : `hearken: unknown command "${name}"`;
    (asked ? process.stdout : process.stderr).write(`${asked ? '' : `${problem}\n\n`}${HEARKEN_HELP}\n`);
    process.exitCode = asked ? 0 : 2;
    return;
  }
  const args = command.drop && rest[0] === command.drop ? rest.slice(1) : rest;
  const entry = join(__dirname, command.entry);
  process.argv = [process.argv[0], entry, ...args];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(entry) as { runCli?: () => void };
  loaded.runCli?.();
}

run(process.argv.slice(2));
