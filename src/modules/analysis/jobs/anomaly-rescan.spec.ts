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

  it('names one job per day, so a burst of batches of one day scans it once', () => {
    expect(rescanJobId('2026-06-01')).toBe(rescanJobId('2026-06-01'));
    expect(rescanJobId('2026-06-01')).not.toBe(rescanJobId('2026-06-02'));
  });
});
