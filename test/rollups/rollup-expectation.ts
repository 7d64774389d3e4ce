/* eslint-disable @typescript-eslint/no-explicit-any -- raw rows of several tables, read as the database returns them */
import { DataSource } from 'typeorm';
import { placeholders } from '../../src/database/insert-rows';

/**
 * The rollups recomputed from the raw rows by the plainest code possible, independent of the incremental path:
 * every non-pending item of a customer not erased, judged by its newest analysis, summed per row key.
 */
export type Row = Record<string, number>;
const CSAT_TOP = 0.75;

const ms = (v: Date | string) => (v instanceof Date ? v.getTime() : Date.parse(`${v.replace(' ', 'T')}Z`));

export async function expectedRollups(db: DataSource, grain: 'hour' | 'day'): Promise<Map<string, Row>> {
  const items: Record<string, any>[] = await db.query(
    `SELECT f.* , c.erased_at FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id
     WHERE f.analysis_status <> 'pending' AND c.erased_at IS NULL`,
  );
  const out = new Map<string, Row>();
  if (!items.length) return out;
  const ids = items.map((i) => i.id);
  const analyses: Record<string, any>[] = await db.query(
    `SELECT * FROM feedback_analysis WHERE feedback_id IN (${placeholders(ids.length)})`,
    ids,
  );
  const topics: Record<string, any>[] = await db.query(
    `SELECT * FROM feedback_topics WHERE feedback_id IN (${placeholders(ids.length)})`,
    ids,
  );
  const newest = new Map<string, Record<string, any>>();
  for (const a of analyses) {
    const b = newest.get(a.feedback_id);
    if (!b || ms(a.analysed_at) > ms(b.analysed_at)) newest.set(a.feedback_id, a);
  }
  const add = (key: string, f: Record<string, any>, label: string | null, score: number | null) => {
    const r = out.get(key) ?? {};
    const inc = (k: string, v = 1) => (r[k] = (r[k] ?? 0) + v);
    inc('n');
    if (label !== null && score !== null) {
      inc('sent_n');
      inc('sent_sum', Number(score));
      inc('sent_sq', Number(score) ** 2);
      inc(label);
    }
    if (f.nps_score !== null)
      inc(f.nps_score >= 9 ? 'promoters' : f.nps_score >= 7 ? 'passives' : 'detractors');
    if (f.csat !== null) {
      inc('csat_n');
      if (Number(f.csat) >= CSAT_TOP) inc('csat_top');
    }
    for (const m of ['ces', 'rating'])
      if (f[m] !== null) {
        inc(`${m}_n`);
        inc(`${m}_sum`, Number(f[m]));
        inc(`${m}_sq`, Number(f[m]) ** 2);
      }
    if (f.ces !== null && Number(f.ces) >= 6) inc('ces_low');
    out.set(key, r);
  };
  for (const f of items) {
    const a = newest.get(f.id);
    const hour = Math.floor(ms(f.occurred_at) / 3_600_000);
    const bucket = grain === 'hour' ? hour : Math.floor(hour / 24);
    const dims = [f.kind, f.source, f.channel, f.touchpoint ?? '', f.journey_stage ?? '', f.segment ?? ''];
    dims.push(f.language ?? a?.language ?? '');
    const key = (topic: string, signal: string) => [topic, signal, bucket, ...dims].join('|');
    add(key('', ''), f, a?.sentiment_label ?? null, a?.sentiment_score ?? null);
    for (const t of topics)
      if (a && t.feedback_id === f.id && t.pipeline_version === a.pipeline_version)
        add(key(t.topic_key, ''), f, t.sentiment_label, t.sentiment_score);
    for (const s of new Set<string>((a?.signals ?? '').split(',').filter(Boolean)))
      add(key('', s), f, a?.sentiment_label ?? null, a?.sentiment_score ?? null);
  }
  return out;
}

const KEYS = [
  'topic_key',
  'signal_type',
  'bucket',
  'kind',
  'source',
  'channel',
  'touchpoint',
  'journey_stage',
  'segment',
  'language',
];
export const SUMS = [
  'n',
  'sent_n',
  'sent_sum',
  'sent_sq',
  'positive',
  'negative',
  'neutral',
  'mixed',
  'promoters',
  'passives',
  'detractors',
  'csat_n',
  'csat_top',
  'ces_n',
  'ces_sum',
  'ces_sq',
  'ces_low',
  'rating_n',
  'rating_sum',
  'rating_sq',
];

/** The stored rows with any non-zero count (a row whose items all left keeps zeros until a rebuild). */
export async function storedRollups(db: DataSource, grain: 'hour' | 'day'): Promise<Map<string, Row>> {
  const rows: Record<string, any>[] = await db.query(`SELECT * FROM rollup_${grain}s`);
  const out = new Map<string, Row>();
  for (const r of rows) {
    if (SUMS.every((s) => s.endsWith('_sum') || s.endsWith('_sq') || Number(r[s]) === 0)) continue;
    out.set(KEYS.map((k) => r[k]).join('|'), Object.fromEntries(SUMS.map((s) => [s, Number(r[s])])));
  }
  return out;
}

/** Differences between expected and stored (counts exact, float sums to 1e-6), as readable lines. */
export function differences(expected: Map<string, Row>, stored: Map<string, Row>): string[] {
  const diffs: string[] = [];
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    const e = expected.get(key) ?? {};
    const s = stored.get(key) ?? {};
    for (const f of SUMS) {
      const [x, y] = [e[f] ?? 0, s[f] ?? 0];
      if (Math.abs(x - y) > 1e-6 * Math.max(1, Math.abs(x)))
        diffs.push(`${key} ${f}: expected ${x}, stored ${y}`);
    }
  }
  return diffs;
}

/**
 * The slices expected rows project onto: every value of 0, 1 or 2 dimensions (`maxDims` 1: 0 or 1), with each
 * row's bucket moved to `bucketOf` (the same bucket, or the ISO week or month of a day).
 */
export function expectedSlices(
  rows: Map<string, Row>,
  bucketOf: (bucket: number) => number = (b) => b,
  maxDims = 2,
): Map<string, Row> {
  // Positions in the day key: topic, signal, bucket, kind, source, channel, touchpoint, journey_stage, segment, language.
  const dims: [string, number][] = [
    ['channel', 5],
    ['journeyStage', 7],
    ['kind', 3],
    ['language', 9],
    ['segment', 8],
    ['source', 4],
    ['touchpoint', 6],
  ];
  const out = new Map<string, Row>();
  const add = (key: string, row: Row) => {
    const r = out.get(key) ?? {};
    for (const [f, v] of Object.entries(row)) r[f] = (r[f] ?? 0) + v;
    out.set(key, r);
  };
  for (const [key, row] of rows) {
    const k = key.split('|');
    const bucket = String(bucketOf(Number(k[2])));
    add([k[0], k[1], '', '', bucket, '', ''].join('|'), row);
    dims.forEach(([a, i], n) => {
      add([k[0], k[1], a, '', bucket, k[i], ''].join('|'), row);
      if (maxDims > 1)
        for (const [b, j] of dims.slice(n + 1)) add([k[0], k[1], a, b, bucket, k[i], k[j]].join('|'), row);
    });
  }
  return out;
}

const DAY_MS = 86_400_000;
/** The ISO week of a day, numbered as weeks since Monday 1969-12-29 (computed here from the weekday). */
export const isoWeekOf = (day: number) => {
  const monday = day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);
  return (monday - Date.UTC(1969, 11, 29) / DAY_MS) / 7;
};
/** The calendar month of a day, as months since 1970-01. */
export const monthOf = (day: number) => {
  const at = new Date(day * DAY_MS);
  return at.getUTCFullYear() * 12 + at.getUTCMonth() - 1970 * 12;
};

export async function storedSlices(db: DataSource, table = 'rollup_day_slices'): Promise<Map<string, Row>> {
  const rows: Record<string, any>[] = await db.query(`SELECT * FROM ${table}`);
  const out = new Map<string, Row>();
  for (const r of rows) {
    if (SUMS.every((s) => s.endsWith('_sum') || s.endsWith('_sq') || Number(r[s]) === 0)) continue;
    const key = ['topic_key', 'signal_type', 'dim_a', 'dim_b', 'bucket', 'value_a', 'value_b'].map(
      (c) => r[c],
    );
    out.set(key.join('|'), Object.fromEntries(SUMS.map((s) => [s, Number(r[s])])));
  }
  return out;
}

/** Every slice level against the expected hourly or daily rows it derives from. */
export async function sliceDifferences(
  db: DataSource,
  grain: 'hour' | 'day',
  expected: Map<string, Row>,
): Promise<string[]> {
  if (grain === 'hour')
    return differences(expectedSlices(expected, undefined, 1), await storedSlices(db, 'rollup_hour_slices'));
  return [
    ...differences(expectedSlices(expected), await storedSlices(db, 'rollup_day_slices')),
    ...differences(expectedSlices(expected, isoWeekOf), await storedSlices(db, 'rollup_week_slices')),
    ...differences(expectedSlices(expected, monthOf), await storedSlices(db, 'rollup_month_slices')),
  ];
}
