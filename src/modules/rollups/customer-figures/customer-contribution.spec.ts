import { bucketEnd, bucketOf, grainOfPeriods, MS_PER_DAY } from './customer-buckets';
import { contributionOf, CountsDelta, impliedSegment, SubjectState } from './customer-contribution';

const dims = (channel: string, segment: string) => ['chat', 'src', channel, 'checkout', '', segment, 'en'];
const at = (iso: string) => Date.parse(iso);

describe('customer buckets', () => {
  it('names days, ISO weeks (Monday) and months by their first UTC day', () => {
    const t = at('2026-03-04T23:30:00Z'); // a Wednesday
    expect(new Date(bucketOf('day', t) * MS_PER_DAY).toISOString()).toBe('2026-03-04T00:00:00.000Z');
    expect(new Date(bucketOf('week', t) * MS_PER_DAY).toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(new Date(bucketOf('month', t) * MS_PER_DAY).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(new Date(bucketEnd('month', bucketOf('month', t))).toISOString()).toBe('2026-04-01T00:00:00.000Z');
    // 1970-01-01 was a Thursday: its week starts on Monday 1969-12-29 (day −3).
    expect(bucketOf('week', 0)).toBe(-3);
  });

  it('finds the grain whose buckets are exactly the periods, or none', () => {
    const week = (from: string) => ({ from: at(from), to: at(from) + 7 * MS_PER_DAY });
    expect(grainOfPeriods([week('2026-03-02T00:00:00Z'), week('2026-03-09T00:00:00Z')])).toBe('week');
    expect(grainOfPeriods([week('2026-03-03T00:00:00Z')])).toBeNull(); // a Tuesday
    expect(grainOfPeriods([{ from: at('2026-03-02T01:00:00Z'), to: at('2026-03-03T01:00:00Z') }])).toBeNull();
    expect(grainOfPeriods([{ from: at('2026-02-01T00:00:00Z'), to: at('2026-03-01T00:00:00Z') }])).toBe(
      'month',
    );
  });
});

describe('contributionOf', () => {
  const state: SubjectState = {
    items: {
      a: { d: dims('web', 'smb'), s: 'positive', t: 1 },
      b: { d: dims('web', 'smb'), s: 'positive', t: 2 },
      c: { d: dims('email', 'smb'), s: 'negative', t: 3 },
      d: { d: dims('chat', 'smb'), s: 'negative', t: 4 },
      e: { d: dims('chat', 'enterprise'), s: null, t: 5 },
    },
    outcomes: {
      r: { y: 'referral', e: 'converted', g: '', t: 6, a: null, r: null },
      l: { y: 'lifecycle', e: 'churned', g: 'smb', t: 0, a: null, r: null },
    },
  };
  const counts = contributionOf(state, true);
  const slice = (dimA: string, valueA: string) => counts.get([dimA, '', valueA, ''].join('\u0001'))![1];

  it('counts a customer once per slice: ≥ 2 scored, ≥ 2 positive, negatives on ≥ 2 channels', () => {
    expect(slice('', '')).toMatchObject({
      withSentiment: 1,
      twoOrMore: 1,
      twoOrMorePositive: 1,
      recurringComplaints: 1,
      activeCustomers: 1,
      referrers: 1,
      converted: 1,
      lifecycleCustomers: 1,
      churnedCustomers: 1,
    });
    // On web alone: two positives, no complaints; on chat: one negative, and an item without sentiment.
    expect(slice('channel', 'web')).toMatchObject({
      withSentiment: 1,
      twoOrMorePositive: 1,
      recurringComplaints: 0,
    });
    expect(slice('channel', 'chat')).toMatchObject({ withSentiment: 1, twoOrMore: 0 });
    // The item without sentiment makes the customer active in enterprise, but not "with sentiment".
    expect(slice('segment', 'enterprise')).toMatchObject({ activeCustomers: 1, withSentiment: 0 });
  });

  it("puts an event without a segment in the customer's latest segment of the bucket", () => {
    expect(impliedSegment(state)).toBe('enterprise'); // item e, t = 5
    expect(slice('segment', 'enterprise')).toMatchObject({ referrers: 1, converted: 1 });
    expect(slice('segment', 'smb')).toMatchObject({ referrers: 0, churnedCustomers: 1 });
  });

  it('subtracting what was added leaves nothing', () => {
    const delta = new CountsDelta();
    delta.add(7, counts, 1);
    delta.add(7, contributionOf(JSON.parse(JSON.stringify(state)), true), -1);
    expect(delta.sorted()).toEqual([]);
  });
});
