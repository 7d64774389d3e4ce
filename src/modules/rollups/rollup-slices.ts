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

const rebucket = (slices: [SliceKey, RollupSums][], to: (day: number) => number) =>
  slices.map(([k, s]) => [{ ...k, bucket: to(k.bucket) }, s] as [SliceKey, RollupSums]);

/**
 * The slice deltas of every level that follow from net hourly and daily row deltas (so a change that cancels
 * out in a bucket touches no slice), each in key order for the upserts.
 */
export function sliceDeltas(
  hours: [RollupKey, RollupSums][],
  days: [RollupKey, RollupSums][],
): [SliceGrain, [SliceKey, RollupSums][]][] {
  const deltas = Object.fromEntries(
    SLICE_GRAINS.map((g) => [g, new RollupDelta<SliceKey>(sliceKeyString)]),
  ) as Record<SliceGrain, RollupDelta<SliceKey>>;
  for (const [key, sums] of hours) deltas.hour.add(slicesOf(key, sums, SLICE_MAX_DIMS.hour));
  for (const [key, sums] of days) {
    const slices = slicesOf(key, sums);
    deltas.day.add(slices);
    deltas.week.add(rebucket(slices, weekOfDay));
    deltas.month.add(rebucket(slices, monthOfDay));
  }
  return SLICE_GRAINS.map((g) => [g, deltas[g].sorted()]);
}
