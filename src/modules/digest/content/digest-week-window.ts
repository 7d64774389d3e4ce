import { TimeRange } from '../../rollups/query/insights-query.types';
import { addWeeks, IsoWeek, parseIsoWeek, weekRange } from '../time/iso-week';
import { DigestRequest } from './digest-content.types';

export const TREND_WEEKS = 12;

/** The ranges one digest reads: its week, the week before and the trend's weeks, in the zone it is counted in. */
export interface DigestWeekWindow {
  week: IsoWeek;
  /** The reader's zone, or UTC when the query layer cannot count their weeks (see `notes`). */
  timeZone: string;
  notes: string[];
  current: TimeRange;
  previous: TimeRange;
  trendRange: TimeRange;
}

/** The build and the precompute job read the same ranges (so a precomputed part is the one the build asks for). */
export function digestWeekWindow(request: DigestRequest): DigestWeekWindow {
  const week = parseIsoWeek(request.week);
  if (!week) throw new Error(`Not an ISO week: ${request.week}`);
  const notes: string[] = [];
  let timeZone = request.timeZone;
  if (!onWholeHours(week, timeZone)) {
    notes.push(`Weeks are counted in UTC: the query layer works in whole hours and ${timeZone} is not.`);
    timeZone = 'UTC';
  }
  const current = range(week, timeZone);
  return {
    week,
    timeZone,
    notes,
    current,
    previous: range(addWeeks(week, -1), timeZone),
    trendRange: { ...current, from: range(addWeeks(week, 1 - TREND_WEEKS), timeZone).from },
  };
}

function range(week: IsoWeek, timezone: string): TimeRange {
  return { ...weekRange(week, timezone), timezone };
}

function onWholeHours(week: IsoWeek, timeZone: string): boolean {
  const r = weekRange(week, timeZone);
  return r.from.getTime() % 3_600_000 === 0 && r.to.getTime() % 3_600_000 === 0;
}
