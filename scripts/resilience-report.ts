import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readReports, reportDirectory } from '../test/resilience/support/scenario-report';

const HELP = `Usage: node dist/scripts/resilience-report.js [--clear]

Prints one Markdown table of the figures every resilience scenario wrote in its last run (npm run
test:resilience runs this after the scenarios), from ${reportDirectory()} (RESILIENCE_REPORT_DIR).
Exits 1 when a figure missed its target.

  --clear     delete the kept figures instead (done before a run, so the table is of that run only)
  -h, --help  show this help`;

function main(): number {
  const { values } = parseArgs({
    options: { clear: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.clear) {
    rmSync(reportDirectory(), { recursive: true, force: true });
    return 0;
  }
  const reports = readReports();
  if (!reports.length) {
    process.stdout.write(`No resilience figures in ${reportDirectory()}: no scenario ran.\n`);
    return 0;
  }
  const rows = reports.flatMap((r) =>
    r.figures.map(
      (f) =>
        `| ${r.scenario} (${r.target}) | ${f.check} | ${f.value} | ${f.target ?? ''} | ${f.ok ? 'yes' : '**NO**'} |`,
    ),
  );
  const missed = reports.flatMap((r) => r.figures).filter((f) => !f.ok).length;
  process.stdout.write(
    [
      '',
      `Resilience, last run (${reports[0].finishedAt.slice(0, 16)}Z – ${reports[reports.length - 1].finishedAt.slice(11, 16)}Z): ${reports.length} scenario(s), ${missed} figure(s) off target`,
      '',
      '| scenario | check | value | target | ok |',
      '|---|---|---:|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  return missed ? 1 : 0;
}

process.exit(main());
