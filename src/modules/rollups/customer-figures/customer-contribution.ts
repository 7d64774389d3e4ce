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

/**
 * A subject's outcome events of one segment ('' = none given) in a bucket, summed. Events are stored once and only
 * leave with their customer (erasure takes the whole state), so sums are all the counts need: the state stays a few
 * numbers however many events a customer has (it kept every event before, and a busy customer's every new event
 * rewrote all of them).
 */
export interface OutcomeTally {
  /** referrals made (as referrer), of them invited and converted; lifecycle events, of them churns */
  ref: number;
  inv: number;
  conv: number;
  life: number;
  churn: number;
  /** retention figures: events, customers at start, retained */
  ret: number;
  a: number;
  r: number;
}

/** Everything a subject has in one bucket, kept as JSON per (subject, grain, bucket). */
export interface SubjectState {
  items: Record<string, ItemEntry>;
  /** Outcome events by their own segment ('' = none: they count in the implied segment). */
  tallies: Record<string, OutcomeTally>;
  /** The latest [instant, segment] among outcome events with a segment (ties: the greater segment). */
  latest: [number, string] | null;
}

export const emptyState = (): SubjectState => ({ items: {}, tallies: {}, latest: null });

const emptyTally = (): OutcomeTally => ({ ref: 0, inv: 0, conv: 0, life: 0, churn: 0, ret: 0, a: 0, r: 0 });

const later = (a: [number, string] | null, t: number, g: string): boolean =>
  !a || t > a[0] || (t === a[0] && g > a[1]);

/** Adds one stored outcome event to the state. */
export function addOutcome(state: SubjectState, o: OutcomeEntry): void {
  const tally = (state.tallies[o.g] ??= emptyTally());
  if (o.y === 'referral') {
    tally.ref++;
    if (o.e === 'invited') tally.inv++;
    if (o.e === 'converted') tally.conv++;
  } else if (o.y === 'lifecycle') {
    tally.life++;
    if (o.e === 'churned') tally.churn++;
  } else if (o.y === 'retention') {
    tally.ret++;
    tally.a += o.a ?? 0;
    tally.r += o.r ?? 0;
  }
  if (o.g && later(state.latest, o.t, o.g)) state.latest = [o.t, o.g];
}

export const isEmptyState = (state: SubjectState): boolean =>
  !Object.keys(state.items).length && !Object.keys(state.tallies).length;

/**
 * A stored state, read: states written before the tallies kept each event (`outcomes`, by id); they are summed
 * into tallies on the way in, and written back in the new form by the next change.
 */
export function parseState(text: string): SubjectState {
  const raw = JSON.parse(text) as Partial<SubjectState> & { outcomes?: Record<string, OutcomeEntry> };
  const state: SubjectState = {
    items: raw.items ?? {},
    tallies: raw.tallies ?? {},
    latest: raw.latest ?? null,
  };
  for (const o of Object.values(raw.outcomes ?? {})) addOutcome(state, o);
  return state;
}

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

/** A literal, so every Counts has one fast shape (Object.fromEntries made dictionary-mode objects: 6 % of the API's CPU under outcome load). */
export const emptyCounts = (): Counts => ({
  withSentiment: 0,
  twoOrMore: 0,
  twoOrMorePositive: 0,
  recurringComplaints: 0,
  activeCustomers: 0,
  referrers: 0,
  invited: 0,
  converted: 0,
  retentionAtStart: 0,
  retained: 0,
  lifecycleCustomers: 0,
  churnedCustomers: 0,
});

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
  let best: [number, string] | null = state.latest;
  for (const i of Object.values(state.items)) {
    const g = i.d[SEGMENT];
    if (g && later(best, i.t, g)) best = [i.t, g];
  }
  return best ? best[1] : '';
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
 * `outcomeSlicesOnly` computes just those slices: exact for a change of outcomes alone, whose items (and so every
 * other slice) stay as they were.
 */
export function contributionOf(
  state: SubjectState,
  isCustomer: boolean,
  outcomeSlicesOnly = false,
): SliceCounts {
  const out: SliceCounts = new Map();
  if (isCustomer) {
    const perSlice = new Map<string, { slice: CountSlice; scored: number; pos: number; neg: Set<string> }>();
    for (const item of Object.values(state.items)) {
      const slices = outcomeSlicesOnly ? [TOTAL, segmentSlice(item.d[SEGMENT])] : slicesOfItem(item.d);
      for (const slice of slices) {
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
  const tallies = Object.entries(state.tallies);
  // Events of no customer are unrelated to each other: one without a segment borrows none.
  const implied = isCustomer && tallies.some(([g]) => g === '') ? impliedSegment(state) : '';
  for (const [g, tally] of tallies) {
    for (const slice of [TOTAL, segmentSlice(g || implied)]) {
      const counts = countsOf(out, slice);
      if (tally.ref) {
        // A referrer counts as active: referring is activity, so the share stays within 0..1.
        if (isCustomer) counts.referrers = counts.activeCustomers = 1;
        counts.invited += tally.inv;
        counts.converted += tally.conv;
      }
      if (tally.life && isCustomer) {
        counts.activeCustomers = counts.lifecycleCustomers = 1;
        if (tally.churn) counts.churnedCustomers = 1;
      }
      counts.retentionAtStart += tally.a;
      counts.retained += tally.r;
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
