import { daysToRescan, rescanJobId } from './anomaly-rescan';

describe('anomaly rescans after analysis', () => {
  const now = new Date('2026-12-02T09:30:00Z');

  it('asks for every day before today, none for today or later', () => {
    expect(daysToRescan(['2026-06-01', '2026-12-01', '2026-12-02', '2026-12-03'], now)).toEqual([
      '2026-06-01',
      '2026-12-01',
    ]);
    expect(daysToRescan([], now)).toEqual([]);
  });

  it('names one job per day and slot, so a burst of batches of one day scans it once', () => {
    const t = Date.parse('2026-12-02T09:30:00.000Z');
    expect(rescanJobId('2026-06-01', t, 30_000)).toBe(rescanJobId('2026-06-01', t + 29_999, 30_000));
    expect(rescanJobId('2026-06-01', t, 30_000)).not.toBe(rescanJobId('2026-06-02', t, 30_000));
  });

  it("never names a job that may be running: a slot's job runs a delay after its first batch, in a later slot", () => {
    for (const delayMs of [300, 30_000, 86_400_000])
      for (let i = 0; i < 1_000; i++) {
        const firstBatch = Date.parse('2026-12-02T09:30:00.000Z') + Math.floor(Math.random() * 10 * delayMs);
        const runsAt = firstBatch + delayMs;
        // A batch finishing while that scan runs (from runsAt on) names another job.
        for (const later of [runsAt, runsAt + 1, runsAt + delayMs / 2])
          expect(rescanJobId('2026-06-01', later, delayMs)).not.toBe(
            rescanJobId('2026-06-01', firstBatch, delayMs),
          );
      }
  });
});
