import { parseArgs } from 'node:util';
import { DEMO_DEFAULTS } from './generate-demo-feedback';

export const DEMO_HELP = `Usage: npm run demo [-- --customers N --weeks W --seed S]

Loads Northwind Outdoor, a synthetic outdoor-gear shop, into the database of DATABASE_URL through the
same import path as \`npm run import\`: reviews, surveys (NPS, CSAT, CES), social mentions and call notes
across every channel and touchpoint, with one planted problem: checkout breaks from week ${DEMO_DEFAULTS.incidentFromWeek};
then outcome events (subscriptions, renewals, purchases, churn, referrals, retention figures) with
planted effects: negative checkout feedback doubles churn, promoters refer three times as often.
Running it again with the same options stores nothing new (every item has an externalId).

  --customers N   customers (default ${DEMO_DEFAULTS.customers}; about 0.25 items per customer and week)
  --weeks W       weeks of history, ending this Monday (default ${DEMO_DEFAULTS.weeks})
  --seed S        random seed (default ${DEMO_DEFAULTS.seed})
  -h, --help      show this help`;

export interface DemoArgs {
  customers: number;
  weeks: number;
  seed: number;
}

export class DemoUsageError extends Error {}

/** `undefined` means: print the help and stop. */
export function parseDemoArgs(argv: string[]): DemoArgs | undefined {
  let values;
  try {
    values = parseArgs({
      args: argv,
      options: {
        customers: { type: 'string' },
        weeks: { type: 'string' },
        seed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    throw new DemoUsageError((error as Error).message);
  }
  if (values.help) return undefined;
  const positive = (name: string, text: string | undefined, fallback: number, max: number) => {
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > max) {
      throw new DemoUsageError(`--${name} must be an integer from 1 to ${max}, got "${text}"`);
    }
    return Number(text);
  };
  return {
    customers: positive('customers', values.customers, DEMO_DEFAULTS.customers, 10_000_000),
    weeks: positive('weeks', values.weeks, DEMO_DEFAULTS.weeks, 520),
    seed: positive('seed', values.seed, DEMO_DEFAULTS.seed, 2 ** 31 - 1),
  };
}
