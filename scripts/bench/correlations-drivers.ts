import { NestFastifyApplication } from '@nestjs/platform-fastify';

const DAY_MS = 86_400_000;

/**
 * bench:analytics' part for correlations and key drivers (issue 11: < 2 s on a quarter at 1 M items and 250 k
 * customers): times the endpoints on the last 13 weeks of the loaded data (its customers and outcome events come
 * from the loader's --customers and --outcomes). Returns table rows: name, p50, p95 (ms).
 */
export async function benchCorrelationsAndDrivers(
  app: NestFastifyApplication,
  key: string,
  o: { end: Date; runs: number },
  log: (line: string) => void,
): Promise<string[][]> {
  const quarter = `from=${day(new Date(o.end.getTime() - 91 * DAY_MS))}&to=${day(o.end)}`;
  const urls = [
    ['correlations, a quarter', `/api/v1/correlations?${quarter}`],
    ['drivers outcome=churn, a quarter', `/api/v1/drivers?outcome=churn&${quarter}`],
    ['drivers outcome=nps, a quarter', `/api/v1/drivers?outcome=nps&${quarter}`],
    ['drivers outcome=referral, a quarter', `/api/v1/drivers?outcome=referral&${quarter}`],
  ];
  const rows: string[][] = [];
  for (const [name, url] of urls) {
    const times: number[] = [];
    let failed = '';
    for (let i = 0; i <= o.runs && !failed; i++) {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
      const ms = performance.now() - started;
      // A failure is a result too (e.g. 503 past DATABASE_TIMEOUT_MS): printed in the table, not a crash.
      if (res.statusCode !== 200) failed = `${res.statusCode} after ${ms.toFixed(0)} ms`;
      else if (i > 0) times.push(ms); // the first run warms up
    }
    if (failed) {
      rows.push([name, failed, failed, '–', '–', '–']);
      log(`${name}: ${failed}`);
      continue;
    }
    const sorted = times.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(0);
    rows.push([name, at(0.5), at(0.95), '–', '–', '–']);
    log(`${name}: done`);
  }
  return rows;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
