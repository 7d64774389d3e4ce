import { DayCounts, detectSpikes, SeriesHistory, shiftDay } from './spike-detector';

const DAY = '2026-05-05'; // a Tuesday

/** A series with `normal` counts on every day of the last 9 weeks and `today` on DAY. */
function series(
  value: string,
  normal: DayCounts,
  today: DayCounts,
  dimension: SeriesHistory['dimension'] = 'touchpoint',
): SeriesHistory {
  const days = new Map<string, DayCounts>();
  for (let i = 1; i <= 63; i++) days.set(shiftDay(DAY, -i), { ...normal });
  days.set(DAY, today);
  return { dimension, value, days };
}

const FIRST = shiftDay(DAY, -70);

describe('detectSpikes', () => {
  it('finds a negative-share spike and a volume spike, and nothing in steady series', () => {
    const found = detectSpikes(
      DAY,
      [
        series('checkout', { n: 20, negatives: 5, scored: 20 }, { n: 22, negatives: 17, scored: 22 }),
        series('delivery', { n: 30, negatives: 6, scored: 30 }, { n: 31, negatives: 7, scored: 31 }),
        series('payment', { n: 3, negatives: 1, scored: 3 }, { n: 25, negatives: 5, scored: 25 }, 'topic'),
      ],
      FIRST,
    );
    expect(found.map((f) => `${f.kind}:${f.window}:${f.value}`).sort()).toEqual([
      'negative_share_spike:day:checkout',
      'volume_spike:day:payment',
      'volume_spike:week:payment', // 46 in the week against 21
    ]);
    const share = found.find((f) => f.kind === 'negative_share_spike')!;
    expect(share.observed).toBeCloseTo(17 / 22);
    expect(share.expected).toBeCloseTo(0.25);
    expect(share.qValue).toBeLessThanOrEqual(0.01);
    expect(found.find((f) => f.kind === 'volume_spike' && f.window === 'day')!.expected).toBe(3);
  });

  it('compares with the same weekday: a busy Monday every week is not a spike', () => {
    const days = new Map<string, DayCounts>();
    for (let i = 0; i <= 63; i++) {
      const d = shiftDay(DAY, -i);
      days.set(
        d,
        new Date(`${d}T00:00:00Z`).getUTCDay() === 2
          ? { n: 60, negatives: 10, scored: 60 }
          : { n: 5, negatives: 1, scored: 5 },
      );
    }
    expect(detectSpikes(DAY, [{ dimension: 'channel', value: 'web', days }], FIRST)).toEqual([]);
  });

  it('ignores one past spike in the baseline (median) and needs a large enough change', () => {
    const s = series(
      'app',
      { n: 10, negatives: 2, scored: 10 },
      { n: 14, negatives: 3, scored: 14 },
      'channel',
    );
    s.days.set(shiftDay(DAY, -7), { n: 200, negatives: 40, scored: 200 });
    expect(detectSpikes(DAY, [s], FIRST)).toEqual([]);
    const spike = series(
      'app',
      { n: 10, negatives: 2, scored: 10 },
      { n: 40, negatives: 8, scored: 40 },
      'channel',
    );
    spike.days.set(shiftDay(DAY, -7), { n: 200, negatives: 40, scored: 200 });
    expect(detectSpikes(DAY, [spike], FIRST).map((f) => `${f.kind}:${f.window}`)).toEqual([
      'volume_spike:day',
    ]);
  });

  it('finds a shift too small for one day in the week window', () => {
    const s = series('checkout', { n: 4, negatives: 1, scored: 4 }, { n: 4, negatives: 3, scored: 4 });
    for (let i = 1; i <= 4; i++) s.days.set(shiftDay(DAY, -i), { n: 4, negatives: 3, scored: 4 });
    expect(detectSpikes(DAY, [s], FIRST).map((f) => `${f.kind}:${f.window}`)).toEqual([
      'negative_share_spike:week',
    ]);
  });

  it('says nothing without enough history', () => {
    const s = series('checkout', { n: 20, negatives: 5, scored: 20 }, { n: 22, negatives: 20, scored: 22 });
    expect(detectSpikes(DAY, [s], shiftDay(DAY, -20))).toEqual([]);
  });
});
