import { DateTime } from 'luxon';
import { HOURS_PER_DAY, MS_PER_HOUR } from '../rollup-facts';
import { Granularity, InsightsQueryError, MAX_POINTS, TimeRange } from './insights-query.types';

export interface Period {
  /** The bucket's first day in the zone (YYYY-MM-DD), even when the range starts later in it. */
  label: string;
  from: number;
  to: number;
}

/** A run of rollup buckets (hours or days since the epoch) that belongs to one period. */
export interface BucketRange {
  from: number;
  to: number;
  period: number;
}

/** The periods of a range: calendar buckets in the zone (ISO weeks start on Monday), clipped to the range. */
export function periodsOf(range: TimeRange, granularity: Granularity): Period[] {
  const unit = granularity;
  const end = DateTime.fromJSDate(range.to, { zone: range.timezone });
  let start = DateTime.fromJSDate(range.from, { zone: range.timezone }).startOf(unit);
  const periods: Period[] = [];
  while (start < end) {
    const next = start.plus({ [unit]: 1 }).startOf(unit);
    periods.push({
      label: start.toISODate()!,
      from: Math.max(start.toMillis(), range.from.getTime()),
      to: Math.min(next.toMillis(), range.to.getTime()),
    });
    if (periods.length > MAX_POINTS)
      throw new InsightsQueryError(
        'granularity',
        `more than ${MAX_POINTS} points: use a coarser granularity or a shorter range`,
      );
    start = next;
  }
  return periods;
}

/**
 * Which rows answer each period exactly: the UTC days wholly inside it from the daily table, the hours of its
 * partial edge days from the hourly table. Needs every boundary on a whole UTC hour (whole-hour zone offsets).
 */
export function bucketPlan(periods: Period[]): { days: BucketRange[]; hours: BucketRange[] } {
  const days: BucketRange[] = [];
  const hours: BucketRange[] = [];
  periods.forEach((p, period) => {
    if (p.from % MS_PER_HOUR !== 0 || p.to % MS_PER_HOUR !== 0)
      throw new InsightsQueryError(
        'timezone',
        'only zones whose offset is a whole number of hours are supported (rollups are hourly)',
      );
    const [h0, h1] = [p.from / MS_PER_HOUR, p.to / MS_PER_HOUR];
    const [d0, d1] = [Math.ceil(h0 / HOURS_PER_DAY), Math.floor(h1 / HOURS_PER_DAY)];
    if (d0 >= d1) {
      hours.push({ from: h0, to: h1, period });
      return;
    }
    if (h0 < d0 * HOURS_PER_DAY) hours.push({ from: h0, to: d0 * HOURS_PER_DAY, period });
    days.push({ from: d0, to: d1, period });
    if (d1 * HOURS_PER_DAY < h1) hours.push({ from: d1 * HOURS_PER_DAY, to: h1, period });
  });
  return { days, hours };
}

/** Adjacent ranges joined: fewer OR'd conditions in the SQL. */
export function mergedRanges(ranges: BucketRange[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && last[1] === r.from) last[1] = r.to;
    else out.push([r.from, r.to]);
  }
  return out;
}

/** The period of a bucket (ranges sorted, as bucketPlan makes them), or −1 when none claims it. */
export function periodOfBucket(ranges: BucketRange[], bucket: number): number {
  let [lo, hi] = [0, ranges.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (bucket < ranges[mid].from) hi = mid - 1;
    else if (bucket >= ranges[mid].to) lo = mid + 1;
    else return ranges[mid].period;
  }
  return -1;
}
