/**
 * Anomalies are looked for hourly on the last complete days. Items analysed for an older day (an import, the demo,
 * a late sender, a re-analysis) change that day's figures after its hourly scans, so the analysis job asks for
 * that day to be scanned again: one delayed job per day (the job id makes a burst of batches one scan), late
 * enough (ANOMALY_RESCAN_DELAY_MS) that the rest of a backlog is analysed first. Days of today are left to the hourly scan (incomplete).
 * Old anomalies found this way are recorded, not pushed (AnomaliesService's alert age limit).
 */
/** The days of an analysed batch that need a scan of their own: every day before today (UTC). */
export function daysToRescan(days: string[], now = new Date()): string[] {
  const today = now.toISOString().slice(0, 10);
  return days.filter((day) => day < today);
}

export const rescanJobId = (day: string): string => `anomalies-rescan-${day}`;
