import { monthOfDay, weekOfDay } from './rollup-calendar';
import { RollupDelta, RollupKey, RollupSums, SliceKey, sliceKeyString, slicesOf } from './rollup-facts';

/**
 * The slice levels: sums for one value of at most two dimensions per bucket. Days, ISO weeks and months hold
 * pairs; hours hold the total and single dimensions only (what the edge hours of a non-UTC question need most).
 */
export const SLICE_GRAINS = ['hour', 'day', 'week', 'month'] as const;
export type SliceGrain = (typeof SLICE_GRAINS)[number];
export const SLICE_TABLES: Record<SliceGrain, string> = {
  hour: 'rollup_hour_slices',
  day: 'rollup_day_slices',
  week: 'rollup_week_slices',
  month: 'rollup_month_slices',
};
/** The most dimensions one slice of a level is keyed by. */
export const SLICE_MAX_DIMS: Record<SliceGrain, 1 | 2> = { hour: 1, day: 2, week: 2, month: 2 };

/** The day slices summed into coarser buckets: each day's slice once, not each full-dimension row again. */
function rebucket(
  days: RollupDelta<SliceKey>,
  into: RollupDelta<SliceKey>,
  to: (day: number) => number,
): void {
  const bucketOf = new Map<number, number>();
  for (const [k, s] of days.rows.values()) {
    let bucket = bucketOf.get(k.bucket);
    if (bucket === undefined) bucketOf.set(k.bucket, (bucket = to(k.bucket)));
    into.add([[{ ...k, bucket }, s]]);
  }
}

/**
 * The slice deltas of every level that follow from net hourly and daily row deltas (so a change that cancels
 * out in a bucket touches no slice), each in key order for the upserts. Weeks and months sum the day slices.
 */
export function sliceDeltas(
  hours: [RollupKey, RollupSums][],
  days: [RollupKey, RollupSums][],
): [SliceGrain, [SliceKey, RollupSums][]][] {
  const deltas = Object.fromEntries(
    SLICE_GRAINS.map((g) => [g, new RollupDelta<SliceKey>(sliceKeyString)]),
  ) as Record<SliceGrain, RollupDelta<SliceKey>>;
  for (const [key, sums] of hours) deltas.hour.add(slicesOf(key, sums, SLICE_MAX_DIMS.hour));
  for (const [key, sums] of days) deltas.day.add(slicesOf(key, sums));
  rebucket(deltas.day, deltas.week, weekOfDay);
  rebucket(deltas.day, deltas.month, monthOfDay);
  return SLICE_GRAINS.map((g) => [g, deltas[g].sorted()]);
}
