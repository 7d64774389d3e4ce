import { ROLLUP_DIMENSIONS, RollupDimension } from '../rollup-facts';

/**
 * What one subject (a customer, or '' for events of no customer: retention figures and anonymous referrals)
 * adds to the customer-level figures of one bucket. Pure: the incremental path, the rebuild and the tests
 * start from the same state.
 */

/** One analysed (or skipped) item of the subject in the bucket: dimension values (ROLLUP_DIMENSIONS order), sentiment label, instant. */
export interface ItemEntry {
  d: string[];
  s: string | null;
  t: number;
}

/** One outcome event in the bucket: type, event, its own segment ('' = none), instant, retention figures. */
export interface OutcomeEntry {
  y: string;
  e: string | null;
  g: string;
  t: number;
  a: number | null;
  r: number | null;
}

/** Everything a subject has in one bucket, kept as JSON per (subject, grain, bucket). */
export interface SubjectState {
  items: Record<string, ItemEntry>;
  outcomes: Record<string, OutcomeEntry>;
}

export const emptyState = (): SubjectState => ({ items: {}, outcomes: {} });

export const COUNT_FIELDS = [
  'withSentiment',
  'twoOrMore',
  'twoOrMorePositive',
  'recurringComplaints',
  'activeCustomers',
  'referrers',
  'invited',
  'converted',
  'retentionAtStart',
  'retained',
  'lifecycleCustomers',
  'churnedCustomers',
] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export type Counts = Record<CountField, number>;

export const emptyCounts = (): Counts => Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as Counts;

/** A slice: the items with one value of at most two dimensions (dimA < dimB by name; '' = not sliced). */
export interface CountSlice {
  dimA: RollupDimension | '';
  dimB: RollupDimension | '';
  valueA: string;
  valueB: string;
}

export const countSliceString = (s: CountSlice): string =>
  [s.dimA, s.dimB, s.valueA, s.valueB].join('\u0001');

const SORTED_DIMS = [...ROLLUP_DIMENSIONS].sort();
const SEGMENT = ROLLUP_DIMENSIONS.indexOf('segment');
const CHANNEL = ROLLUP_DIMENSIONS.indexOf('channel');

export const itemEntryDims = (dims: Record<RollupDimension, string>): string[] =>
  ROLLUP_DIMENSIONS.map((d) => dims[d]);
const TOTAL: CountSlice = { dimA: '', dimB: '', valueA: '', valueB: '' };
const segmentSlice = (segment: string): CountSlice => ({
  dimA: 'segment',
  dimB: '',
  valueA: segment,
  valueB: '',
});

/** The 1 + 7 + 21 slices an item with these dimensions falls in. */
export function slicesOfItem(values: string[]): CountSlice[] {
  const d = Object.fromEntries(ROLLUP_DIMENSIONS.map((dim, i) => [dim, values[i]])) as Record<
    RollupDimension,
    string
  >;
  const out: CountSlice[] = [TOTAL];
  SORTED_DIMS.forEach((a, i) => {
    out.push({ dimA: a, dimB: '', valueA: d[a], valueB: '' });
    for (const b of SORTED_DIMS.slice(i + 1)) out.push({ dimA: a, dimB: b, valueA: d[a], valueB: d[b] });
  });
  return out;
}

/**
 * The segment an event without one counts under: that of the subject's latest item or event with a segment in
 * the same bucket (on a tie the greater value), else ''.
 */
export function impliedSegment(state: SubjectState): string {
  let best: [number, string] = [-Infinity, ''];
  const consider = (t: number, g: string) => {
    if (g && (t > best[0] || (t === best[0] && g > best[1]))) best = [t, g];
  };
  for (const i of Object.values(state.items)) consider(i.t, i.d[SEGMENT]);
  for (const o of Object.values(state.outcomes)) consider(o.t, o.g);
  return best[1];
}

type SliceCounts = Map<string, [CountSlice, Counts]>;

function countsOf(out: SliceCounts, slice: CountSlice): Counts {
  const key = countSliceString(slice);
  let entry = out.get(key);
  if (!entry) out.set(key, (entry = [slice, emptyCounts()]));
  return entry[1];
}

/**
 * The counts a subject adds per slice. Customer-level counts are 0 or 1 (a customer counts once per slice);
 * outcome-based ones live only in the total and the segment slices (outcomes know no other dimension).
 */
export function contributionOf(state: SubjectState, isCustomer: boolean): SliceCounts {
  const out: SliceCounts = new Map();
  if (isCustomer) {
    const perSlice = new Map<string, { slice: CountSlice; scored: number; pos: number; neg: Set<string> }>();
    for (const item of Object.values(state.items)) {
      for (const slice of slicesOfItem(item.d)) {
        const key = countSliceString(slice);
        let c = perSlice.get(key);
        if (!c) perSlice.set(key, (c = { slice, scored: 0, pos: 0, neg: new Set() }));
        if (item.s === null) continue;
        c.scored++;
        if (item.s === 'positive') c.pos++;
        if (item.s === 'negative') c.neg.add(item.d[CHANNEL]);
      }
      // Any item (with a sentiment or not) makes the customer active.
      countsOf(out, TOTAL).activeCustomers = 1;
      countsOf(out, segmentSlice(item.d[SEGMENT])).activeCustomers = 1;
    }
    for (const c of perSlice.values()) {
      if (!c.scored) continue;
      const counts = countsOf(out, c.slice);
      counts.withSentiment = 1;
      counts.twoOrMore = c.scored >= 2 ? 1 : 0;
      counts.twoOrMorePositive = c.scored >= 2 && c.pos >= 2 ? 1 : 0;
      counts.recurringComplaints = c.neg.size >= 2 ? 1 : 0;
    }
  }
  const implied = impliedSegment(state);
  for (const o of Object.values(state.outcomes)) {
    for (const slice of [TOTAL, segmentSlice(o.g || implied)]) {
      const counts = countsOf(out, slice);
      if (o.y === 'referral') {
        // A referrer counts as active: referring is activity, so the share stays within 0..1.
        if (isCustomer) counts.referrers = counts.activeCustomers = 1;
        if (o.e === 'invited') counts.invited++;
        if (o.e === 'converted') counts.converted++;
      } else if (o.y === 'lifecycle' && isCustomer) {
        counts.activeCustomers = counts.lifecycleCustomers = 1;
        if (o.e === 'churned') counts.churnedCustomers = 1;
      } else if (o.y === 'retention') {
        counts.retentionAtStart += o.a ?? 0;
        counts.retained += o.r ?? 0;
      }
    }
  }
  return out;
}

/** Sums count deltas by (bucket, slice), dropping those that cancel out. */
export class CountsDelta {
  private readonly rows = new Map<string, [number, CountSlice, Counts]>();

  add(bucket: number, contribution: SliceCounts, sign: 1 | -1): void {
    for (const [sliceKey, [slice, counts]] of contribution) {
      const key = `${String(bucket).padStart(8, '0')}\u0001${sliceKey}`;
      let row = this.rows.get(key);
      if (!row) this.rows.set(key, (row = [bucket, slice, emptyCounts()]));
      for (const f of COUNT_FIELDS) row[2][f] += sign * counts[f];
    }
  }

  /** Non-zero deltas in key order (concurrent transactions lock rows in the same order). */
  sorted(): [number, CountSlice, Counts][] {
    return [...this.rows.entries()]
      .filter(([, [, , c]]) => COUNT_FIELDS.some((f) => c[f] !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
  }
}
