import { DataSource } from 'typeorm';
import { AppConfig } from '../../../src/config/app-config';
import { createTestApp, TestApp } from '../../helpers/create-test-app';

export interface ListeningApp extends TestApp {
  /** `http://127.0.0.1:<port>`: the app on a real loopback socket, so the whole HTTP stack is exercised. */
  baseUrl: string;
  /** Rows per table of the app's database (every entity's table), for the acknowledged-vs-stored audit. */
  rowCounts(): Promise<Record<string, number>>;
  count(table: string, where?: string, params?: unknown[]): Promise<number>;
}

/** The whole app (API and, on MySQL, Bull jobs on its own queue prefix) listening on a free loopback port. */
export async function listeningApp(overrides: Partial<AppConfig> = {}): Promise<ListeningApp> {
  const t = await createTestApp({
    authFailuresPerMinute: 1_000_000,
    rateLimitPerMinute: 1_000_000,
    ...overrides,
  });
  await t.app.listen(0, '127.0.0.1');
  const address = t.app.getHttpServer().address() as { port: number };
  const db = t.app.get(DataSource);
  const count = async (table: string, where = '1=1', params: unknown[] = []) =>
    Number((await db.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);
  return {
    ...t,
    baseUrl: `http://127.0.0.1:${address.port}`,
    count,
    rowCounts: async () => {
      const tables = [...new Set(db.entityMetadatas.map((m) => m.tableName))].sort();
      const counts: Record<string, number> = {};
      for (const table of tables) counts[table] = await count(table);
      return counts;
    },
  };
}

/** Runs `task` over `items` with at most `concurrency` at once; results in input order. */
export async function inParallel<T, R>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}

/** Status codes tallied by class and by code, for the scenario tables. */
export function tally(statuses: number[]): {
  byCode: Record<number, number>;
  s2xx: number;
  s4xx: number;
  s5xx: number;
} {
  const byCode: Record<number, number> = {};
  for (const s of statuses) byCode[s] = (byCode[s] ?? 0) + 1;
  return {
    byCode,
    s2xx: statuses.filter((s) => s >= 200 && s < 300).length,
    s4xx: statuses.filter((s) => s >= 400 && s < 500).length,
    s5xx: statuses.filter((s) => s >= 500).length,
  };
}

export function codes(byCode: Record<number, number>): string {
  return Object.entries(byCode)
    .map(([code, n]) => `${code}×${n}`)
    .join(' ');
}
