import { MinuteRow } from './soak-samples';
import { soakVerdict } from './soak-verdict';

function minute(n: number, over: Partial<MinuteRow> = {}): MinuteRow {
  return {
    minute: n,
    requests: 3000,
    errors: 0,
    failures: [],
    p50: 20,
    p99: 60,
    apiRssMb: 240,
    apiHandles: 45,
    apiFds: 60,
    workerRssMb: 300,
    workerFds: 28,
    queueWaiting: 0,
    ...over,
  };
}

const flat = [minute(1, { p99: 900, apiHandles: 180 }), minute(2), minute(3, { p99: 80 }), minute(4)];

describe('soakVerdict', () => {
  it('passes a flat run whose backlog empties, whatever the warm-up minute did', () => {
    expect(soakVerdict(flat, { seconds: 2, left: 0 })).toEqual([]);
  });

  it('fails on errors, p99 growth, memory and handle growth, and a backlog left behind', () => {
    const grown = [
      ...flat.slice(0, 3),
      minute(4, { errors: 2, p99: 254, apiRssMb: 310, workerRssMb: 380, apiHandles: 95 }),
    ];
    expect(soakVerdict(grown, { seconds: 120, left: 1560 })).toEqual([
      '2 request(s) failed',
      'p99 grew 60 → 254 ms',
      'API RSS grew 240 → 310 MB',
      'worker RSS grew 300 → 380 MB',
      'API active handles grew 45 → 95',
      '1560 job(s) still waiting 120 s after the traffic stopped',
    ]);
  });

  it('allows p99 under 100 ms and a backlog that empties in 30 s', () => {
    expect(
      soakVerdict([minute(1), minute(2, { p99: 30 }), minute(3, { p99: 95 })], { seconds: 30, left: 0 }),
    ).toEqual([]);
    expect(soakVerdict(flat, { seconds: 31, left: 0 })).toEqual([
      'the backlog at the end took 31 s to empty',
    ]);
  });
});
