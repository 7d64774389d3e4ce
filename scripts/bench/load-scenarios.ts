import { cpuSeconds } from './process-cpu';

// autocannon ships no types; this is the part of its API the bench uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

export interface RoundResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  itemsPerSecond: number;
  failures: number;
  /** CPU time per stored item of the server process and of the local database server (Linux only). */
  serverCpuUsPerItem?: number;
  databaseCpuUsPerItem?: number;
}

export interface Scenario {
  url: string;
  connections: number;
  headers?: Record<string, string>;
  /** A new body per request: unique externalIds, so every item is really stored. */
  body: () => string;
  itemsPerRequest: number;
  /** Items a 2xx answer says were stored (a batch answers 202 even when it rejected items). */
  storedItems?: (body: string) => number;
}

const TEXTS = [
  'The parcel arrived two days late and the box was damaged, but support sorted it out quickly.',
  'Checkout kept failing with a payment error, tried three cards. Very frustrating.',
  'Great tent, easy to pitch, stayed dry all weekend. Will buy again!',
  'The app crashes when I open my order history. Please fix.',
];
const run = `${process.pid}-${Date.now().toString(36)}`;
let sequence = 0;

/** A realistic review: customer by email (a few thousand distinct), text with a little PII to redact. */
export function reviewItem(): Record<string, unknown> {
  const n = ++sequence;
  return {
    kind: 'review',
    source: 'trustpilot',
    externalId: `bench-${run}-${n}`,
    channel: 'web',
    touchpoint: 'delivery',
    journeyStage: 'purchase',
    rating: 1 + (n % 5),
    scale: 5,
    title: 'My order',
    text: `${TEXTS[n % TEXTS.length]} Order NW-${100000 + (n % 900000)}.`,
    customer: { email: `customer${n % 5000}@example.com`, segment: n % 3 ? 'consumer' : 'smb' },
    occurredAt: new Date(Date.now() - (n % 86_400) * 1000).toISOString(),
  };
}

export const singleBody = () => JSON.stringify(reviewItem());
export const createdCount = (body: string) => (JSON.parse(body) as { created: number }).created;
export const batchBody = (size: number) => () =>
  JSON.stringify({ items: Array.from({ length: size }, reviewItem) });

/** One timed round of autocannon against a scenario; with pids, the CPU those processes spent per item. */
export async function runRound(
  scenario: Scenario,
  seconds: number,
  pids: { server?: number; database?: number } = {},
): Promise<RoundResult> {
  const cpuBefore = [cpuSeconds(pids.server), cpuSeconds(pids.database)];
  let stored = 0;
  const count = scenario.storedItems;
  const onResponse = count
    ? (status: number, body: string) => void (status < 300 && (stored += count(body)))
    : undefined;
  const result = await autocannon({
    url: scenario.url,
    connections: scenario.connections,
    duration: seconds,
    timeout: 30,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...scenario.headers },
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => ({ ...request, body: scenario.body() }),
        onResponse,
      },
    ],
  });
  const ok = result['2xx'];
  const items = count ? stored : ok * scenario.itemsPerRequest;
  const [serverCpuUsPerItem, databaseCpuUsPerItem] = [pids.server, pids.database].map((pid, i) => {
    const [before, after] = [cpuBefore[i], cpuSeconds(pid)];
    return before === undefined || after === undefined || !items
      ? undefined
      : ((after - before) * 1e6) / items;
  });
  return {
    serverCpuUsPerItem,
    databaseCpuUsPerItem,
    requestsPerSecond: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    itemsPerSecond: items / result.duration,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
