/**
 * The coarser buckets of the slice levels, as whole UTC days since 1970-01-01: ISO weeks (Monday first;
 * 1970-01-01 was a Thursday, so week w starts on day 7w − 3) and calendar months (months since 1970-01).
 */
export const DAYS_PER_WEEK = 7;
const MS_PER_DAY = 86_400_000;

export const weekOfDay = (day: number): number => Math.floor((day + 3) / DAYS_PER_WEEK);
export const firstDayOfWeek = (week: number): number => week * DAYS_PER_WEEK - 3;

export function monthOfDay(day: number): number {
  const at = new Date(day * MS_PER_DAY);
  return (at.getUTCFullYear() - 1970) * 12 + at.getUTCMonth();
}

export const firstDayOfMonth = (month: number): number =>
  Date.UTC(1970 + Math.floor(month / 12), ((month % 12) + 12) % 12, 1) / MS_PER_DAY;
