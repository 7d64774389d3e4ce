import { localParts, zonedToInstant } from './zoned-time';

export interface IsoWeek {
  year: number;
  week: number;
}

const DAY_MS = 86_400_000;
export const ISO_WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

/** ISO 8601 week of a calendar date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOfDate(year: number, month: number, day: number): IsoWeek {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  const thursday = new Date(date.getTime() + (4 - weekday) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS / 7) + 1;
  return { year: weekYear, week };
}

export function weeksInYear(year: number): number {
  return isoWeekOfDate(year, 12, 28).week;
}

export function parseIsoWeek(value: string): IsoWeek | null {
  const match = ISO_WEEK_PATTERN.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1970 || week < 1 || week > weeksInYear(year)) return null;
  return { year, week };
}

export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of the week as a UTC midnight date. */
export function mondayOf({ year, week }: IsoWeek): Date {
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = new Date(jan4).getUTCDay() || 7;
  return new Date(jan4 - (jan4Weekday - 1) * DAY_MS + (week - 1) * 7 * DAY_MS);
}

export function addWeeks(week: IsoWeek, count: number): IsoWeek {
  const monday = new Date(mondayOf(week).getTime() + count * 7 * DAY_MS);
  return isoWeekOfDate(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
}

/** The week's span in a time zone: Monday 00:00 local to the next Monday 00:00 local. */
export function weekRange(week: IsoWeek, timeZone: string): { from: Date; to: Date } {
  const start = mondayOf(week);
  const end = new Date(start.getTime() + 7 * DAY_MS);
  const at = (d: Date) =>
    zonedToInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), 0, timeZone);
  return { from: at(start), to: at(end) };
}

/** The ISO week an instant falls in, in a time zone. */
export function isoWeekAt(instant: Date, timeZone: string): IsoWeek {
  const p = localParts(instant, timeZone);
  return isoWeekOfDate(p.year, p.month, p.day);
}

/** The last complete week before the one `instant` falls in (what a Monday digest reports on). */
export function lastWeekAt(instant: Date, timeZone: string): IsoWeek {
  return addWeeks(isoWeekAt(instant, timeZone), -1);
}
