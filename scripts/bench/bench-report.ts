import type { RoundResult } from './load-scenarios';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function medianRound(rounds: RoundResult[]): RoundResult {
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    p50Ms: median(rounds.map((r) => r.p50Ms)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    itemsPerSecond: median(rounds.map((r) => r.itemsPerSecond)),
    failures: rounds.reduce((sum, r) => sum + r.failures, 0),
    serverCpuUsPerItem: medianOf(rounds.map((r) => r.serverCpuUsPerItem)),
    databaseCpuUsPerItem: medianOf(rounds.map((r) => r.databaseCpuUsPerItem)),
  };
}

function medianOf(values: (number | undefined)[]): number | undefined {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length ? median(known) : undefined;
}

const micros = (n: number | undefined) => (n === undefined ? '–' : Math.round(n).toLocaleString('en-US'));

const int = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatRound(label: string, r: RoundResult): string {
  return `${label}: ${int(r.requestsPerSecond)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${int(r.itemsPerSecond)} items/s, CPU µs/item server ${micros(r.serverCpuUsPerItem)} database ${micros(r.databaseCpuUsPerItem)}${r.failures ? `, ${r.failures} FAILED` : ''}`;
}

export interface BenchTable {
  /** Median over rounds of that round's (b)/(a). */
  roundRatio: number;
  bare: RoundResult;
  single: RoundResult;
  batch: RoundResult;
  connections: number;
  batchConnections: number;
  batchSize: number;
}

const row = (label: string, connections: number, r: RoundResult) =>
  `| ${label} | ${connections} | ${int(r.requestsPerSecond)} | ${r.p50Ms} | ${r.p99Ms} | ${int(r.itemsPerSecond)} | ${micros(r.serverCpuUsPerItem)} | ${micros(r.databaseCpuUsPerItem)} |`;

/** The Markdown table the README quotes, with the targets beside the measures. */
export function formatTable(t: BenchTable): string {
  const ratio = t.single.requestsPerSecond / t.bare.requestsPerSecond;
  const pass = (ok: boolean) => (ok ? 'met' : 'MISSED');
  return [
    '| scenario | connections | req/s | p50 ms | p99 ms | items/s | server CPU µs/item | database CPU µs/item |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row('(a) bare NestJS + Fastify, validate only, 202', t.connections, t.bare),
    row('(b) POST /api/v1/feedback (1 item)', t.connections, t.single),
    row(`(c) POST /api/v1/feedback/batch (${int(t.batchSize)} items)`, t.batchConnections, t.batch),
    '',
    `(b)/(a) = ${(ratio * 100).toFixed(0)} % of the medians, ${(t.roundRatio * 100).toFixed(0)} % median per round (target >= 60 %: ${pass(ratio >= 0.6)}); ` +
      `(b) p99 = ${t.single.p99Ms} ms (target < 50 ms: ${pass(t.single.p99Ms < 50)}); ` +
      `(c) = ${int(t.batch.itemsPerSecond)} items/s (target >= 15,000: ${pass(t.batch.itemsPerSecond >= 15_000)})`,
  ].join('\n');
}
