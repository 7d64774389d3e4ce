import {
  addWeeks,
  formatIsoWeek,
  isoWeekOfDate,
  lastWeekAt,
  mondayOf,
  parseIsoWeek,
  weekRange,
} from './iso-week';
import { isValidTimeZone, localParts, zonedToInstant } from './zoned-time';

describe('ISO weeks', () => {
  it.each([
    [2026, 11, 16, '2026-W47'],
    [2021, 1, 3, '2020-W53'], // a Sunday that belongs to the last week of the year before
    [2024, 12, 30, '2025-W01'], // a Monday that starts the next ISO year
    [2026, 1, 1, '2026-W01'],
  ])('%i-%i-%i is in %s', (y, m, d, expected) => {
    expect(formatIsoWeek(isoWeekOfDate(y, m, d))).toBe(expected);
  });

  it('parses and refuses', () => {
    expect(parseIsoWeek('2026-W47')).toEqual({ year: 2026, week: 47 });
    expect(parseIsoWeek('2020-W53')).toEqual({ year: 2020, week: 53 });
    expect(parseIsoWeek('2026-W53')).toEqual({ year: 2026, week: 53 }); // 2026 starts on a Thursday
    expect(parseIsoWeek('2025-W53')).toBeNull();
    expect(parseIsoWeek('2026-W00')).toBeNull();
    expect(parseIsoWeek('2026-47')).toBeNull();
  });

  it('finds Mondays and steps across year ends', () => {
    expect(mondayOf({ year: 2026, week: 47 }).toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(formatIsoWeek(addWeeks({ year: 2026, week: 1 }, -1))).toBe('2025-W52');
    expect(formatIsoWeek(addWeeks({ year: 2020, week: 52 }, 1))).toBe('2020-W53');
  });

  it('spans a week in the reader’s zone, DST included', () => {
    const utc = weekRange({ year: 2026, week: 47 }, 'UTC');
    expect(utc.from.toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(utc.to.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    const ny = weekRange({ year: 2026, week: 47 }, 'America/New_York');
    expect(ny.from.toISOString()).toBe('2026-11-16T05:00:00.000Z');
    // The week of 2026-03-29 (Europe's clocks go forward on that Sunday) lasts 167 hours in Berlin.
    const berlin = weekRange({ year: 2026, week: 13 }, 'Europe/Berlin');
    expect(berlin.from.toISOString()).toBe('2026-03-22T23:00:00.000Z');
    expect((berlin.to.getTime() - berlin.from.getTime()) / 3_600_000).toBe(167);
    const kolkata = weekRange({ year: 2026, week: 47 }, 'Asia/Kolkata');
    expect(kolkata.from.toISOString()).toBe('2026-11-15T18:30:00.000Z');
  });

  it('knows last week in the reader’s zone: Monday 01:00 in Tokyo is still Sunday in UTC', () => {
    const instant = new Date('2026-11-22T16:00:00Z'); // Mon 23 Nov 01:00 in Tokyo
    expect(formatIsoWeek(lastWeekAt(instant, 'Asia/Tokyo'))).toBe('2026-W47');
    expect(formatIsoWeek(lastWeekAt(instant, 'UTC'))).toBe('2026-W46');
  });

  it('reads local wall clocks and refuses unknown zones', () => {
    expect(localParts(new Date('2026-11-16T05:30:00Z'), 'America/New_York')).toEqual({
      year: 2026,
      month: 11,
      day: 16,
      hour: 0,
      minute: 30,
      weekday: 1,
    });
    // 02:00 does not happen on 29 March in Berlin (03:00 follows 01:59); 30 min past 02:00 happens twice on 25 October.
    expect(zonedToInstant(2026, 3, 29, 2, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedToInstant(2026, 10, 25, 2, 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:00:00.000Z');
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
