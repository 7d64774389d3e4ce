/**
 * A search by relevance for a word many texts contain is slow in MariaDB's FULLTEXT whatever the query does with
 * the matches: its cost follows how many texts match (~2 s for 50,000 matches in 1 M texts), not their share, the
 * range or the filters. So a page first reads the newest PROBE_ROWS items of the range (recency index, every
 * filter applied). When the probe's rate of matches, over the whole stored history, adds up to MANY_MATCHES or
 * more, the newest matches (at most CANDIDATES, looking at most at WALK_ROWS items) are ranked instead of all of
 * them, and the page says so. A word in 0.5 % of a year of texts is ~5,000 matches at 1 M items though only ~5 in
 * the probe; a word in every fifth text of a 5,000-item store is 1,000 matches, which the index ranks fast.
 * MIN_PROBE_MATCHES keeps one or two matches from deciding.
 */
export const BOUNDED_SEARCH = {
  PROBE_ROWS: 1_000,
  MIN_PROBE_MATCHES: 3,
  MANY_MATCHES: 2_000,
  CANDIDATES: 200,
  WALK_ROWS: 10_000,
};

export interface ProbeReading {
  /** Items the probe read (newest first). */
  seen: number;
  /** How many of them contain the words. */
  matches: number;
  /** True when the range has no more items than the probe read. */
  exhausted: boolean;
  /** Time between the probe's newest and oldest item, in ms. */
  probeSpanMs: number;
}

export type ProbeVerdict = 'fulltext' | 'needs_history';

/** Matches over the history at the probe's rate: matches × history span / probe span (all items on one instant: ∞). */
export function estimatedMatches(reading: ProbeReading, historySpanMs: number): number {
  if (reading.probeSpanMs <= 0) return reading.matches > 0 ? Infinity : 0;
  return (reading.matches * Math.max(historySpanMs, reading.probeSpanMs)) / reading.probeSpanMs;
}

/**
 * What the probe says before the history's span is read: `needs_history` when the estimate over the stored
 * history decides (`boundedByHistory`). A range that fits in the probe, and a word it saw fewer than
 * MIN_PROBE_MATCHES times, go to the full-text index (a cursor that already chose the bounded path keeps it; the
 * caller checks that).
 */
export function probeVerdict(reading: ProbeReading, limits = BOUNDED_SEARCH): ProbeVerdict {
  return reading.exhausted || reading.matches < Math.max(1, limits.MIN_PROBE_MATCHES)
    ? 'fulltext'
    : 'needs_history';
}

export function boundedByHistory(
  reading: ProbeReading,
  historySpanMs: number,
  limits = BOUNDED_SEARCH,
): boolean {
  return estimatedMatches(reading, historySpanMs) >= limits.MANY_MATCHES;
}
