/**
 * What one feedback item adds to the rollups, and the row deltas that follow from it. Pure: the incremental
 * path, the rebuild and the equivalence test's expectations all start from the same facts.
 */

import { ITEM_DIMENSIONS, ItemDimension } from '../feedback/item-dimensions';

/** Rollups are keyed by every item dimension. */
export const ROLLUP_DIMENSIONS = ITEM_DIMENSIONS;
export type RollupDimension = ItemDimension;

/** CSAT is stored normalised to 0..1 as (answer − 1) / (scale − 1): 4 or 5 of 5, 6–7 of 7, 8–10 of 10 are ≥ 0.75. */
export const CSAT_TOP_BOX = 0.75;
/** CES is answered 1..7 with 7 the easiest: 6 or 7 counts as low effort (the top-2 box). */
export const CES_LOW_EFFORT = 6;
export const MS_PER_HOUR = 3_600_000;
export const HOURS_PER_DAY = 24;

export interface RollupFacts {
  /** Whole UTC hours since the epoch of `occurredAt`. */
  hour: number;
  dims: Record<RollupDimension, string>;
  sentiment: { label: string; score: number } | null;
  topics: [key: string, label: string, score: number][];
  signals: string[];
  nps: number | null;
  csat: number | null;
  ces: number | null;
  rating: number | null;
}

export const SUM_FIELDS = [
  'n',
  'sentN',
  'sentSum',
  'sentSq',
  'positive',
  'negative',
  'neutral',
  'mixed',
  'promoters',
  'passives',
  'detractors',
  'csatN',
  'csatTop',
  'cesN',
  'cesSum',
  'cesSq',
  'cesLow',
  'ratingN',
  'ratingSum',
  'ratingSq',
] as const;
export type SumField = (typeof SUM_FIELDS)[number];
export type RollupSums = Record<SumField, number>;

export interface RollupKey {
  topicKey: string;
  signalType: string;
  bucket: number;
  dims: Record<RollupDimension, string>;
}

/** All zeros. A literal (one object shape for every sums object): a year by day asks for thousands per answer. */
export const emptySums = (): RollupSums => ({
  n: 0,
  sentN: 0,
  sentSum: 0,
  sentSq: 0,
  positive: 0,
  negative: 0,
  neutral: 0,
  mixed: 0,
  promoters: 0,
  passives: 0,
  detractors: 0,
  csatN: 0,
  csatTop: 0,
  cesN: 0,
  cesSum: 0,
  cesSq: 0,
  cesLow: 0,
  ratingN: 0,
  ratingSum: 0,
  ratingSq: 0,
});

const LABEL_FIELD: Record<string, SumField> = {
  positive: 'positive',
  negative: 'negative',
  neutral: 'neutral',
  mixed: 'mixed',
};

/** Adds (sign 1) or subtracts (sign −1) one item's figures with this sentiment to `sums`. */
function addItem(
  sums: RollupSums,
  facts: RollupFacts,
  sentiment: { label: string; score: number } | null,
  sign: number,
) {
  sums.n += sign;
  if (sentiment) {
    sums.sentN += sign;
    sums.sentSum += sign * sentiment.score;
    sums.sentSq += sign * sentiment.score * sentiment.score;
    const field = LABEL_FIELD[sentiment.label];
    if (field) sums[field] += sign;
  }
  if (facts.nps !== null) {
    if (facts.nps >= 9) sums.promoters += sign;
    else if (facts.nps >= 7) sums.passives += sign;
    else sums.detractors += sign;
  }
  if (facts.csat !== null) {
    sums.csatN += sign;
    if (facts.csat >= CSAT_TOP_BOX) sums.csatTop += sign;
  }
  if (facts.ces !== null) {
    sums.cesN += sign;
    sums.cesSum += sign * facts.ces;
    sums.cesSq += sign * facts.ces * facts.ces;
    if (facts.ces >= CES_LOW_EFFORT) sums.cesLow += sign;
  }
  if (facts.rating !== null) {
    sums.ratingN += sign;
    sums.ratingSum += sign * facts.rating;
    sums.ratingSq += sign * facts.rating * facts.rating;
  }
}

/**
 * The rows one item touches at one grain (`bucket` = its hour or its day): the item row, one row per topic
 * (with the topic's own sentiment) and one per signal (with the item's sentiment).
 */
export function rowsOf(facts: RollupFacts, bucket: number, sign: 1 | -1): [RollupKey, RollupSums][] {
  const row = (topicKey: string, signalType: string, sentiment: RollupFacts['sentiment']) => {
    const sums = emptySums();
    addItem(sums, facts, sentiment, sign);
    return [{ topicKey, signalType, bucket, dims: facts.dims }, sums] as [RollupKey, RollupSums];
  };
  return [
    row('', '', facts.sentiment),
    ...facts.topics.map(([key, label, score]) => row(key, '', { label, score })),
    ...facts.signals.map((s) => row('', s, facts.sentiment)),
  ];
}

export function keyString(k: RollupKey): string {
  return [k.topicKey, k.signalType, k.bucket, ...ROLLUP_DIMENSIONS.map((d) => k.dims[d])].join('\u0001');
}

/**
 * A dimension slice of a day: the sums over every other dimension, for one value of at most two dimensions
 * (`dimA` < `dimB` by name; '' = not sliced). What most questions (one filter, one group-by) read: a few rows
 * per day instead of one per combination of all seven dimensions.
 */
export interface SliceKey {
  topicKey: string;
  signalType: string;
  dimA: RollupDimension | '';
  dimB: RollupDimension | '';
  bucket: number;
  valueA: string;
  valueB: string;
}

export function sliceKeyString(k: SliceKey): string {
  return [k.topicKey, k.signalType, k.dimA, k.dimB, k.bucket, k.valueA, k.valueB].join('\u0001');
}

/**
 * The slices one row of full dimensions falls in: 1 + 7 + 21 with pairs, 1 + 7 with `maxDims` 1 (the hourly
 * slices: pairs would make them as many rows as the hourly rollups themselves).
 */
export function slicesOf(key: RollupKey, sums: RollupSums, maxDims: 1 | 2 = 2): [SliceKey, RollupSums][] {
  const base = { topicKey: key.topicKey, signalType: key.signalType, bucket: key.bucket };
  const out: [SliceKey, RollupSums][] = [[{ ...base, dimA: '', dimB: '', valueA: '', valueB: '' }, sums]];
  const dims = [...ROLLUP_DIMENSIONS].sort();
  dims.forEach((a, i) => {
    out.push([{ ...base, dimA: a, dimB: '', valueA: key.dims[a], valueB: '' }, sums]);
    if (maxDims === 2)
      for (const b of dims.slice(i + 1))
        out.push([{ ...base, dimA: a, dimB: b, valueA: key.dims[a], valueB: key.dims[b] }, sums]);
  });
  return out;
}

/** Sums row deltas by key, dropping keys whose deltas cancel out (a re-analysis that changed nothing there). */
export class RollupDelta<K = RollupKey> {
  readonly rows = new Map<string, [K, RollupSums]>();

  constructor(private readonly keyOf: (k: K) => string = keyString as unknown as (k: K) => string) {}

  add(entries: [K, RollupSums][]): void {
    for (const [key, sums] of entries) {
      const id = this.keyOf(key);
      const existing = this.rows.get(id);
      if (!existing) this.rows.set(id, [key, { ...sums }]);
      else for (const f of SUM_FIELDS) existing[1][f] += sums[f];
    }
  }

  /** Non-zero deltas in key order: concurrent transactions lock rows in the same order (no deadlock cycles). */
  sorted(): [K, RollupSums][] {
    return [...this.rows.entries()]
      .filter(([, [, sums]]) => SUM_FIELDS.some((f) => sums[f] !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
  }
}
