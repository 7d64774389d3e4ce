import { firstDayOfMonth, firstDayOfWeek, monthOfDay, weekOfDay } from '../rollup-calendar';
import { bucketPlan, coarsen, mergedRanges, periodOfBucket, periodsOf } from './time-buckets';

const H = 3_600_000;
const hour = (iso: string) => Date.parse(iso) / H;

describe('time buckets', () => {
  it('labels ISO weeks by their Monday and clips the first and last to the range', () => {
    const periods = periodsOf(
      { from: new Date('2026-03-04T00:00:00Z'), to: new Date('2026-03-17T00:00:00Z'), timezone: 'UTC' },
      'week',
    );
    expect(periods.map((p) => p.label)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(periods[0].from).toBe(Date.parse('2026-03-04T00:00:00Z'));
    expect(periods[2].to).toBe(Date.parse('2026-03-17T00:00:00Z'));
  });

  it('reads a Berlin week as a whole UTC week plus the hour before it minus its last hour', () => {
    // Berlin week of Mon 2026-03-02 = [Sun 01 23:00Z, Sun 08 23:00Z): Sunday 08 has 23 of its hours inside.
    const periods = periodsOf(
      {
        from: new Date('2026-03-01T23:00:00Z'),
        to: new Date('2026-03-15T23:00:00Z'),
        timezone: 'Europe/Berlin',
      },
      'week',
    );
    expect(periods.map((p) => p.label)).toEqual(['2026-03-02', '2026-03-09']);
    const plan = bucketPlan(periods);
    const day = (iso: string) => Date.parse(iso) / 86_400_000;
    expect(plan.days).toEqual([
      { from: day('2026-03-02'), to: day('2026-03-09'), period: 0 },
      { from: day('2026-03-09'), to: day('2026-03-16'), period: 1 },
    ]);
    expect(plan.hours).toEqual([
      { from: hour('2026-03-01T23:00:00Z'), to: hour('2026-03-02T00:00:00Z'), period: 0 },
      { from: hour('2026-03-08T23:00:00Z'), to: hour('2026-03-09T00:00:00Z'), period: 1 },
    ]);
    expect(plan.minusHours).toEqual([
      { from: hour('2026-03-08T23:00:00Z'), to: hour('2026-03-09T00:00:00Z'), period: 0 },
      { from: hour('2026-03-15T23:00:00Z'), to: hour('2026-03-16T00:00:00Z'), period: 1 },
    ]);
    expect(coarsen(plan.days).week).toHaveLength(2);
  });

  it('counts every hour of every period once: days plus hours minus subtracted hours', () => {
    // Boundaries at every hour of the day, including a tie at noon, and periods shorter than half a day.
    const bounds = [0, 5, 12, 36, 47, 48, 60, 61, 100, 130, 131, 200, 219].map((h) => 1_000_000 + h);
    const periods = bounds.slice(1).map((to, i) => ({ label: '', from: bounds[i] * H, to: to * H }));
    const plan = bucketPlan(periods);
    const count = periods.map(() => new Map<number, number>());
    const add = (p: number, h: number, by: number) => count[p].set(h, (count[p].get(h) ?? 0) + by);
    for (const r of plan.days) for (let h = r.from * 24; h < r.to * 24; h++) add(r.period, h, 1);
    for (const r of plan.hours) for (let h = r.from; h < r.to; h++) add(r.period, h, 1);
    for (const r of plan.minusHours) for (let h = r.from; h < r.to; h++) add(r.period, h, -1);
    periods.forEach((p, i) => {
      const hours = [...count[i]].filter(([, c]) => c !== 0);
      expect(hours.every(([, c]) => c === 1)).toBe(true);
      expect(hours.map(([h]) => h).sort((a, b) => a - b)).toEqual(range(p.from / H, p.to / H));
    });
    // Each list stays sorted and disjoint (periodOfBucket needs that).
    for (const list of [plan.days, plan.hours, plan.minusHours])
      list.slice(1).forEach((r, i) => expect(r.from).toBeGreaterThanOrEqual(list[i].to));
  });

  it('follows daylight saving: the Berlin day of the spring change has 23 hours', () => {
    const periods = periodsOf(
      {
        from: new Date('2026-03-28T23:00:00Z'),
        to: new Date('2026-03-30T22:00:00Z'),
        timezone: 'Europe/Berlin',
      },
      'day',
    );
    expect(periods.map((p) => [p.label, (p.to - p.from) / H])).toEqual([
      ['2026-03-29', 23],
      ['2026-03-30', 24],
    ]);
  });

  it('joins adjacent ranges and finds the period of a bucket', () => {
    const ranges = [
      { from: 0, to: 5, period: 0 },
      { from: 5, to: 9, period: 1 },
      { from: 12, to: 20, period: 2 },
    ];
    expect(mergedRanges(ranges)).toEqual([
      [0, 9],
      [12, 20],
    ]);
    expect(mergedRanges([ranges[2], { from: 14, to: 22, period: 1 }, ranges[0]])).toEqual([
      [0, 5],
      [12, 22],
    ]);
    expect([0, 4, 5, 8, 9, 11, 12, 19, 20].map((b) => periodOfBucket(ranges, b))).toEqual([
      0, 0, 1, 1, -1, -1, 2, 2, -1,
    ]);
  });

  it('refuses more than 5,000 points and half-hour boundaries', () => {
    expect(() =>
      periodsOf(
        { from: new Date('1990-01-01T00:00:00Z'), to: new Date('2010-01-01T00:00:00Z'), timezone: 'UTC' },
        'day',
      ),
    ).toThrow(/more than 5000 points/);
    const kolkata = periodsOf(
      {
        from: new Date('2026-03-01T00:00:00Z'),
        to: new Date('2026-03-03T00:00:00Z'),
        timezone: 'Asia/Kolkata',
      },
      'day',
    );
    expect(() => bucketPlan(kolkata)).toThrow(/whole number of hours/);
  });

  it('splits runs of days into whole months, whole ISO weeks and the days left over', () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    // 2026-01-28 (Wednesday) to 2026-04-08 (Wednesday): Feb and Mar whole; the week from Mon 2026-04-06 is not.
    const plan = coarsen([{ from: day('2026-01-28'), to: day('2026-04-08'), period: 0 }]);
    expect(plan.month.map((r) => [firstDayOfMonth(r.from), firstDayOfMonth(r.to)])).toEqual([
      [day('2026-02-01'), day('2026-04-01')],
    ]);
    expect(plan.week).toEqual([]);
    expect(plan.day.map((r) => [r.from, r.to])).toEqual([
      [day('2026-01-28'), day('2026-02-01')],
      [day('2026-04-01'), day('2026-04-08')],
    ]);
    // Monday 2026-03-02 to Wednesday 2026-03-25: three whole weeks and two days.
    const weeks = coarsen([{ from: day('2026-03-02'), to: day('2026-03-25'), period: 3 }]);
    expect(weeks.month).toEqual([]);
    expect(weeks.week.map((r) => [firstDayOfWeek(r.from), firstDayOfWeek(r.to), r.period])).toEqual([
      [day('2026-03-02'), day('2026-03-23'), 3],
    ]);
    expect(weeks.day.map((r) => [r.from, r.to])).toEqual([[day('2026-03-23'), day('2026-03-25')]]);
    // Every day is covered exactly once.
    const covered = (p: ReturnType<typeof coarsen>) =>
      [
        ...p.day.flatMap((r) => range(r.from, r.to)),
        ...p.week.flatMap((r) => range(firstDayOfWeek(r.from), firstDayOfWeek(r.to))),
        ...p.month.flatMap((r) => range(firstDayOfMonth(r.from), firstDayOfMonth(r.to))),
      ].sort((a, b) => a - b);
    expect(covered(plan)).toEqual(range(day('2026-01-28'), day('2026-04-08')));
  });

  it('numbers ISO weeks from Monday and months from 1970-01', () => {
    expect(firstDayOfWeek(weekOfDay(Date.parse('2026-03-08T00:00:00Z') / 86_400_000))).toBe(
      Date.parse('2026-03-02T00:00:00Z') / 86_400_000,
    );
    expect(monthOfDay(Date.parse('2026-03-31T00:00:00Z') / 86_400_000)).toBe(56 * 12 + 2);
    expect(firstDayOfMonth(56 * 12 + 2)).toBe(Date.parse('2026-03-01T00:00:00Z') / 86_400_000);
  });
});

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
