import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One measured figure of a resilience scenario: what was checked, what was seen, and whether it held. */
export interface ScenarioFigure {
  check: string;
  value: string | number;
  target?: string;
  ok: boolean;
}

export interface ScenarioReport {
  scenario: string;
  target: string;
  finishedAt: string;
  figures: ScenarioFigure[];
}

/** Where scenario figures are written; `npm run test:resilience` reads them back to print one table. */
export function reportDirectory(): string {
  return process.env.RESILIENCE_REPORT_DIR ?? join(tmpdir(), 'hearken-resilience');
}

/**
 * Prints a scenario's figures as a Markdown table and keeps them as JSON, one file per scenario and target,
 * so the last run's table can be pasted into the README's "Reliability" section.
 */
export function reportScenario(scenario: string, figures: ScenarioFigure[]): ScenarioReport {
  const target = process.env.HEARKEN_TEST_TARGET ?? 'sqlite';
  const report: ScenarioReport = { scenario, target, finishedAt: new Date().toISOString(), figures };
  const lines = [
    `resilience: ${scenario} (${target})`,
    '',
    '| check | value | target | ok |',
    '|---|---:|---|---|',
    ...figures.map((f) => `| ${f.check} | ${f.value} | ${f.target ?? ''} | ${f.ok ? 'yes' : 'NO'} |`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const dir = reportDirectory();
  mkdirSync(dir, { recursive: true });
  const slug = `${scenario}-${target}`.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  writeFileSync(join(dir, `${slug}.json`), JSON.stringify(report, null, 2));
  return report;
}

/** Every scenario report of the last run, oldest first. */
export function readReports(): ScenarioReport[] {
  const dir = reportDirectory();
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ScenarioReport)
    .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
}
