import { DateTime } from 'luxon';
import { firstDayOfMonth, firstDayOfWeek, monthOfDay, weekOfDay } from '../rollup-calendar';
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

/** The rows that answer each period exactly: `days` plus `hours` minus `minusHours` (each list sorted, disjoint). */
export interface BucketPlan {
  days: BucketRange[];
  hours: BucketRange[];
  minusHours: BucketRange[];
}

/**
 * Which rows answer each period exactly. A boundary inside a UTC day gives that day to the side holding most of
 * its hours: that side reads the whole day and subtracts the other side's hours, which the other side reads as
 * its own. A Berlin week is then one whole UTC week (Monday to Sunday, from the week slices) plus the 1–2 hours
 * before it minus its last 1–2 hours, instead of 6 days and ~24 edge hours. Sums of counts are integers, so the
 * subtraction is exact. Needs every boundary on a whole UTC hour (whole-hour zone offsets).
 */
export function bucketPlan(periods: Period[]): BucketPlan {
  const plan: BucketPlan = { days: [], hours: [], minusHours: [] };
  // A tie (a boundary at noon) goes to the earlier side; any rule works if both sides of a boundary use it.
  const nearestDay = (hour: number) => Math.round(hour / HOURS_PER_DAY);
  const signed = (from: number, to: number, period: number) => {
    if (from < to) plan.hours.push({ from, to, period });
    else if (to < from) plan.minusHours.push({ from: to, to: from, period });
  };
  periods.forEach((p, period) => {
    if (p.from % MS_PER_HOUR !== 0 || p.to % MS_PER_HOUR !== 0)
      throw new InsightsQueryError(
        'timezone',
        'only zones whose offset is a whole number of hours are supported (rollups are hourly)',
      );
    const [h0, h1] = [p.from / MS_PER_HOUR, p.to / MS_PER_HOUR];
    const [d0, d1] = [nearestDay(h0), nearestDay(h1)];
    if (d0 >= d1) {
      plan.hours.push({ from: h0, to: h1, period });
      return;
    }
    signed(h0, d0 * HOURS_PER_DAY, period);
    plan.days.push({ from: d0, to: d1, period });
    signed(d1 * HOURS_PER_DAY, h1, period);
  });
  const byStart = (a: BucketRange, b: BucketRange) => a.from - b.from;
  plan.hours.sort(byStart);
  plan.minusHours.sort(byStart);
  return plan;
}

/** Day ranges split into whole months, whole ISO weeks and the days left over (each list sorted). */
export interface CoarsePlan {
  month: BucketRange[];
  week: BucketRange[];
  day: BucketRange[];
}

/**
 * Reads whole calendar months and ISO weeks inside each run of days from the month and week slices: a year by
 * week reads 52 week rows per slice instead of 364 day rows. Months first, then weeks in the days around them.
 */
export function coarsen(days: BucketRange[]): CoarsePlan {
  const plan: CoarsePlan = { month: [], week: [], day: [] };
  const push = (list: BucketRange[], from: number, to: number, period: number) => {
    if (from < to) list.push({ from, to, period });
  };
  const weeksAndDays = (from: number, to: number, period: number) => {
    const w0 = weekOfDay(from) + (firstDayOfWeek(weekOfDay(from)) === from ? 0 : 1);
    const w1 = weekOfDay(to);
    if (w0 >= w1) return push(plan.day, from, to, period);
    push(plan.day, from, firstDayOfWeek(w0), period);
    push(plan.week, w0, w1, period);
    push(plan.day, firstDayOfWeek(w1), to, period);
  };
  for (const r of days) {
    const m0 = monthOfDay(r.from) + (firstDayOfMonth(monthOfDay(r.from)) === r.from ? 0 : 1);
    const m1 = monthOfDay(r.to);
    if (m0 >= m1) {
      weeksAndDays(r.from, r.to, r.period);
      continue;
    }
    weeksAndDays(r.from, firstDayOfMonth(m0), r.period);
    push(plan.month, m0, m1, r.period);
    weeksAndDays(firstDayOfMonth(m1), r.to, r.period);
  }
  return plan;
}

/** Adjacent or overlapping ranges joined (any order): fewer OR'd conditions in the SQL. */
export function mergedRanges(ranges: BucketRange[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...ranges].sort((a, b) => a.from - b.from)) {
    const last = out[out.length - 1];
    if (last && last[1] >= r.from) last[1] = Math.max(last[1], r.to);
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
