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
    for (let i = 0; i <= o.runs; i++) {
      const started = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      if (i > 0) times.push(performance.now() - started); // the first run warms up
    }
    const sorted = times.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))].toFixed(0);
    rows.push([name, at(0.5), at(0.95), '–', '–', '–']);
    log(`${name}: done`);
  }
  return rows;
}

const day = (d: Date) => d.toISOString().slice(0, 10);
