import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { DEMO_DEFAULTS, DemoOptions, generateDemoFeedback } from './generate-demo-feedback';

const HELP = `Generate synthetic Hearken feedback (NDJSON, one item per line).

Usage: node dist/scripts/demo/generate-demo-data.js [options]

  --customers N   customers of the synthetic company (default ${DEMO_DEFAULTS.customers})
  --weeks N       weeks of feedback (default ${DEMO_DEFAULTS.weeks}); checkout breaks from week ${DEMO_DEFAULTS.incidentFromWeek}
  --seed N        random seed; same seed and start give the same file (default ${DEMO_DEFAULTS.seed})
  --start DATE    first day, YYYY-MM-DD (default: so that the last week ends this Monday)
  --out FILE|-    output file, or - for stdout (default -)
  --help          show this help

About 0.25 items per customer-week: 2,000 customers x 26 weeks gives ~13,000 items.
`;

export interface CliArgs extends DemoOptions {
  out: string;
  help: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { out: '-', help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    const count = (name: string) => {
      const text = value();
      if (!/^\d+$/.test(text) || Number(text) < 1)
        throw new Error(`${name} must be a positive integer, got "${text}"`);
      return Number(text);
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--customers') args.customers = count('--customers');
    else if (flag === '--weeks') args.weeks = count('--weeks');
    else if (flag === '--seed') args.seed = count('--seed');
    else if (flag === '--out') args.out = value();
    else if (flag === '--start') {
      const text = value();
      const date = new Date(`${text}T00:00:00Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime()))
        throw new Error(`--start must be YYYY-MM-DD, got "${text}"`);
      args.start = date;
    } else throw new Error(`unknown option ${flag} (see --help)`);
  }
  return args;
}

/** Writes the NDJSON with backpressure; resolves with the number of rows written. */
export async function writeDemoData(options: DemoOptions, output: Writable): Promise<number> {
  let rows = 0;
  let buffer = '';
  for (const item of generateDemoFeedback(options)) {
    buffer += JSON.stringify(item) + '\n';
    rows++;
    // Batching lines into ~64 KiB writes is several times faster than one write per row.
    if (buffer.length >= 65_536) {
      if (!output.write(buffer)) await new Promise<void>((resolve) => output.once('drain', () => resolve()));
      buffer = '';
    }
  }
  if (buffer !== '') output.write(buffer);
  return rows;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  const output = args.out === '-' || args.out === 'stdout' ? process.stdout : createWriteStream(args.out);
  const started = process.hrtime.bigint();
  const rows = await writeDemoData(args, output);
  if (output !== process.stdout)
    await new Promise<void>((resolve, reject) => output.end(() => resolve()).on('error', reject));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write(
    `wrote ${rows} items in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)\n`,
  );
}

if (require.main === module) {
  main().catch((error: Error) => {
    process.stderr.write(`generate-demo-data: ${error.message}\n`);
    process.exitCode = 1;
  });
}
