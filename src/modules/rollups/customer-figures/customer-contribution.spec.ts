import { bucketEnd, bucketOf, grainOfPeriods, MS_PER_DAY } from './customer-buckets';
import {
  addOutcome,
  contributionOf,
  CountsDelta,
  emptyState,
  impliedSegment,
  OutcomeEntry,
  parseState,
  SubjectState,
} from './customer-contribution';

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
  const outcomes: Record<string, OutcomeEntry> = {
    r: { y: 'referral', e: 'converted', g: '', t: 6, a: null, r: null },
    l: { y: 'lifecycle', e: 'churned', g: 'smb', t: 0, a: null, r: null },
  };
  const state: SubjectState = {
    ...emptyState(),
    items: {
      a: { d: dims('web', 'smb'), s: 'positive', t: 1 },
      b: { d: dims('web', 'smb'), s: 'positive', t: 2 },
      c: { d: dims('email', 'smb'), s: 'negative', t: 3 },
      d: { d: dims('chat', 'smb'), s: 'negative', t: 4 },
      e: { d: dims('chat', 'enterprise'), s: null, t: 5 },
    },
  };
  for (const o of Object.values(outcomes)) addOutcome(state, o);
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

  it('reads a state stored in the earlier form (every event by id) as the same counts', () => {
    const earlier = JSON.stringify({ items: state.items, outcomes });
    const read = parseState(earlier);
    expect(read).toEqual(state);
    const delta = new CountsDelta();
    delta.add(7, counts, 1);
    delta.add(7, contributionOf(read, true), -1);
    expect(delta.sorted()).toEqual([]);
  });

  it('keeps a few numbers however many events a customer has', () => {
    const busy = emptyState();
    for (let i = 0; i < 1_000; i++)
      addOutcome(busy, {
        y: 'lifecycle',
        e: i % 2 ? 'renewed' : 'purchased',
        g: 'smb',
        t: i,
        a: null,
        r: null,
      });
    expect(JSON.stringify(busy).length).toBeLessThan(150);
    expect(contributionOf(busy, true).get(['segment', '', 'smb', ''].join('\u0001'))![1]).toMatchObject({
      activeCustomers: 1,
      lifecycleCustomers: 1,
      churnedCustomers: 0,
    });
  });

  it('an event of no customer without a segment borrows none from another', () => {
    const anonymous = emptyState();
    addOutcome(anonymous, { y: 'retention', e: null, g: 'smb', t: 9, a: 100, r: 90 });
    addOutcome(anonymous, { y: 'referral', e: 'invited', g: '', t: 1, a: null, r: null });
    const c = contributionOf(anonymous, false);
    expect(c.get(['segment', '', '', ''].join('\u0001'))![1]).toMatchObject({ invited: 1, referrers: 0 });
    expect(c.get(['segment', '', 'smb', ''].join('\u0001'))![1]).toMatchObject({
      retentionAtStart: 100,
      invited: 0,
    });
  });
});

describe('an outcome change counted on the outcome slices only', () => {
  // Random states and random new events: the restricted delta must equal the full one, slice by slice.
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const SEGMENTS = ['', 'smb', 'enterprise', 'consumer'];
  const event = (t: number): OutcomeEntry => {
    const y = pick(['referral', 'lifecycle', 'retention']);
    const e =
      y === 'referral'
        ? pick(['invited', 'signed_up', 'converted'])
        : y === 'lifecycle'
          ? pick(['churned', 'renewed'])
          : null;
    return { y, e, g: pick(SEGMENTS), t, a: y === 'retention' ? 50 : null, r: y === 'retention' ? 45 : null };
  };
  const deltaOf = (before: SubjectState, after: SubjectState, only: boolean) => {
    const d = new CountsDelta();
    d.add(1, contributionOf(before, true, only), -1);
    d.add(1, contributionOf(after, true, only), 1);
    return d.sorted();
  };

  it('equals the full recount in 500 random cases', () => {
    let nonTrivial = 0;
    for (let c = 0; c < 500; c++) {
      const before = emptyState();
      for (let i = 0; i < Math.floor(random() * 5); i++)
        before.items[`i${i}`] = {
          d: dims(pick(['web', 'chat', 'email']), pick(SEGMENTS.slice(1))),
          s: pick(['positive', 'negative', 'neutral', null]),
          t: Math.floor(random() * 100),
        };
      for (let i = 0; i < Math.floor(random() * 4); i++)
        addOutcome(before, event(Math.floor(random() * 100)));
      const after = parseState(JSON.stringify(before));
      for (let i = 0; i < 1 + Math.floor(random() * 3); i++)
        addOutcome(after, event(Math.floor(random() * 100)));
      const full = deltaOf(before, after, false);
      expect(deltaOf(before, after, true)).toEqual(full);
      if (full.length) nonTrivial++;
    }
    expect(nonTrivial).toBeGreaterThan(400);
  });
});
