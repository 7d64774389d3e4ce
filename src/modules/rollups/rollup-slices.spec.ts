import { monthOfDay, weekOfDay } from './rollup-calendar';
import {
  HOURS_PER_DAY,
  RollupDelta,
  RollupFacts,
  RollupSums,
  SliceKey,
  rowsOf,
  sliceKeyString,
  slicesOf,
} from './rollup-facts';
import { sliceDeltas } from './rollup-slices';

const facts = (
  hour: number,
  channel: string,
  label: string,
  score: number,
  nps: number | null,
): RollupFacts => ({
  hour,
  dims: {
    kind: 'review',
    source: 's',
    channel,
    touchpoint: 'checkout',
    journeyStage: '',
    segment: 'smb',
    language: 'en',
  },
  sentiment: { label, score },
  topics: [['delivery', label, score]],
  signals: label === 'negative' ? ['complaint'] : [],
  nps,
  csat: null,
  ces: null,
  rating: null,
});

describe('sliceDeltas', () => {
  it('sums weeks and months from the day slices exactly as slicing every day row into them would', () => {
    // Days that straddle an ISO week (Sun 2026-03-29 / Mon 03-30) and a month end (03-31 / 04-01).
    const day0 = Date.UTC(2026, 2, 28) / 86_400_000;
    const items = Array.from({ length: 60 }, (_, i) =>
      facts(
        (day0 + (i % 5)) * HOURS_PER_DAY + (i % 24),
        i % 3 ? 'web' : 'email',
        i % 4 ? 'positive' : 'negative',
        ((i % 7) - 3) / 3,
        i % 2 ? i % 11 : null,
      ),
    );
    const [hours, days] = [new RollupDelta(), new RollupDelta()];
    for (const f of items) {
      hours.add(rowsOf(f, f.hour, 1));
      days.add(rowsOf(f, Math.floor(f.hour / HOURS_PER_DAY), 1));
    }
    const got = new Map(sliceDeltas(hours.sorted(), days.sorted()));

    const expected = (to: (day: number) => number) => {
      const d = new RollupDelta(sliceKeyString);
      for (const [k, s] of days.sorted())
        d.add(slicesOf(k, s).map(([sk, ss]) => [{ ...sk, bucket: to(sk.bucket) }, ss]));
      return d.sorted();
    };
    // Float sums added in another order agree to rounding.
    const rounded = (rows: [SliceKey, RollupSums][]) =>
      rows.map(([k, s]) => [
        k,
        Object.fromEntries(Object.entries(s).map(([f, v]) => [f, Number(v.toFixed(9))])),
      ]);
    expect(rounded(got.get('week')!)).toEqual(rounded(expected(weekOfDay)));
    expect(rounded(got.get('month')!)).toEqual(rounded(expected(monthOfDay)));
    expect(rounded(got.get('day')!)).toEqual(rounded(expected((d) => d)));
    expect(new Set(got.get('week')!.map(([k]) => k.bucket)).size).toBe(2);
    expect(new Set(got.get('month')!.map(([k]) => k.bucket)).size).toBe(2);
  });
});
