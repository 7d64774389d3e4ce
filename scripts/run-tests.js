#!/usr/bin/env node
// `npm test`: build, unit specs, then the e2e suites twice: embedded (SQLite + memory queue) and
// production (MySQL + Bull on Redis). Under CI=true the production half is required; elsewhere it is
// skipped with a warning when MySQL or Redis cannot be reached. Ends with one "N passed, N failed" line.
const { spawnSync } = require('node:child_process');
const { readFileSync, mkdtempSync } = require('node:fs');
const net = require('node:net');
const { join } = require('node:path');
const { tmpdir } = require('node:os');

if (process.argv.includes('--help')) {
  console.log(`Usage: npm test [-- --only unit|sqlite|mysql] [-- <jest args>]

Builds, runs the unit specs, then the e2e suites on SQLite + memory queue and on MySQL + Bull.
Environment: TEST_MYSQL_URL (default mysql://root@127.0.0.1:3306), TEST_REDIS_URL (default
redis://127.0.0.1:6379). CI=true makes the MySQL + Bull half mandatory.`);
  process.exit(0);
}

const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args.splice(onlyIndex, 2)[1] : undefined;
const jestArgs = args;
const totals = { passed: 0, failed: 0, skipped: 0 };
const resultsDir = mkdtempSync(join(tmpdir(), 'hearken-jest-'));

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function jest(label, project, env = {}) {
  console.log(`\n=== ${label} ===`);
  const out = join(resultsDir, `${label.replace(/\W+/g, '-')}.json`);
  const status = run(
    'npx',
    ['jest', '--selectProjects', project, '--json', `--outputFile=${out}`, '--maxWorkers=2', ...jestArgs],
    env,
  );
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
    totals.skipped += r.numPendingTests;
  } catch {
    totals.failed += 1;
  }
  return status;
}

function reachable(url, defaultPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort), timeout: 2000 });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

(async () => {
  let failed = run('npm', ['run', 'build', '--silent']) !== 0;
  if (failed) totals.failed += 1;
  if (!only || only === 'unit') failed = jest('unit', 'unit') !== 0 || failed;
  if (!only || only === 'sqlite') {
    failed = jest('e2e on SQLite + memory queue', 'e2e', { HEARKEN_TEST_TARGET: 'sqlite' }) !== 0 || failed;
  }
  if (!only || only === 'mysql') {
    const mysqlUrl = process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';
    const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
    const up = (await reachable(mysqlUrl, 3306)) && (await reachable(redisUrl, 6379));
    if (up) {
      failed = jest('e2e on MySQL + Bull', 'e2e', { HEARKEN_TEST_TARGET: 'mysql' }) !== 0 || failed;
    } else if (process.env.CI === 'true') {
      console.error('MySQL or Redis is unreachable and CI=true: the MySQL + Bull half is required.');
      totals.failed += 1;
      failed = true;
    } else {
      console.warn(
        '\nWARNING: MySQL or Redis unreachable: skipped the MySQL + Bull e2e half (required in CI).',
      );
    }
  }
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(failed || totals.failed > 0 ? 1 : 0);
})();
