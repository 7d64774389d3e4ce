import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { insertRows } from '../../src/database/insert-rows';
import { OutcomeEntity } from '../../src/modules/outcomes/entities/outcome.entity';

const DAY_MS = 86_400_000;
const PAGE = 5_000;

/**
 * bench:analytics' part for correlations and key drivers (issue 11: < 2 s on a quarter at 1 M items and 250 k
 * customers). The bulk-loaded items have no customer: this gives each one of `customers` ids (a hash of the item
 * id, MySQL), adds `outcomes` lifecycle and referral events over the same period, then times the endpoints on
 * the last 13 weeks. Returns table rows: name, p50, p95 (ms), and what was measured on.
 */
export async function benchCorrelationsAndDrivers(
  dataSource: DataSource,
  app: NestFastifyApplication,
  key: string,
  o: { start: Date; end: Date; customers: number; outcomes: number; runs: number },
  log: (line: string) => void,
): Promise<string[][]> {
  const t0 = Date.now();
  await dataSource.query(`UPDATE feedback SET customer_id = CONCAT('bench-c-', CRC32(id) % ?)`, [
    o.customers,
  ]);
  const span = o.end.getTime() - o.start.getTime();
  const now = new Date();
  for (let done = 0; done < o.outcomes; done += PAGE) {
    const page = Array.from({ length: Math.min(PAGE, o.outcomes - done) }, (_, k) => {
      const n = done + k;
      const referral = n % 10 === 0;
      return Object.assign(new OutcomeEntity(), {
        id: `bench-o-${n}`,
        type: referral ? 'referral' : 'lifecycle',
        source: 'bench',
        externalId: `bench-${n}`,
        customerId: `bench-c-${(n * 7919) % o.customers}`,
        relatedCustomerId: null,
        event: referral ? 'invited' : n % 10 === 1 ? 'churned' : 'renewed',
        segment: null,
        value: null,
        currency: null,
        periodStart: null,
        periodEnd: null,
        customersAtStart: null,
        retained: null,
        churned: null,
        flags: null,
        metadata: null,
        occurredAt: new Date(o.start.getTime() + ((n * 104729) % span)),
        receivedAt: now,
      } as OutcomeEntity);
    });
    await dataSource.transaction((m) => insertRows(m, OutcomeEntity, page));
  }
  for (const table of ['feedback', 'outcomes']) await dataSource.query(`ANALYZE TABLE ${table}`);
  log(`customers and ${o.outcomes} outcome events set up in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

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
