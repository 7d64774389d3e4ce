import {
  BOUNDED_SEARCH,
  boundedByHistory,
  estimatedMatches,
  probeVerdict,
  ProbeReading,
} from './common-words';

const HOUR = 3_600_000;
const reading = (over: Partial<ProbeReading>): ProbeReading => ({
  seen: 1_000,
  matches: 0,
  exhausted: false,
  probeSpanMs: 9 * HOUR,
  ...over,
});

describe('common words: when a search ranks only the newest matches', () => {
  it('decides by the history once the probe saw the word often enough', () => {
    expect(probeVerdict(reading({ matches: 400 }))).toBe('needs_history');
    expect(probeVerdict(reading({ matches: BOUNDED_SEARCH.MIN_PROBE_MATCHES }))).toBe('needs_history');
    // A word in 40 % of the newest items of a small store (40 hours at 1,000 items per 9 h, ~4,444 items):
    // 400 × 40 / 9 = 1,778 matches, fewer than 2,000.
    expect(boundedByHistory(reading({ matches: 400 }), 40 * HOUR)).toBe(false);
    // The same share in a year of texts at that rate: hundreds of thousands of matches.
    expect(boundedByHistory(reading({ matches: 400 }), 8_760 * HOUR)).toBe(true);
  });

  it('leaves a range that fits in the probe, and a word the probe never saw, to the full-text index', () => {
    expect(probeVerdict(reading({ matches: 400, exhausted: true, seen: 800 }))).toBe('fulltext');
    expect(probeVerdict(reading({ matches: 0 }))).toBe('fulltext');
    expect(probeVerdict(reading({ matches: BOUNDED_SEARCH.MIN_PROBE_MATCHES - 1 }))).toBe('fulltext');
  });

  it('estimates the matches over the history at the probe rate (worked by hand)', () => {
    // 19 matches in the newest 1,000 items, which span 9 hours; a year of history: 19 × 8,760 / 9 = 18,493.3.
    expect(estimatedMatches(reading({ matches: 19 }), 8_760 * HOUR)).toBeCloseTo(18_493.33, 1);
    expect(boundedByHistory(reading({ matches: 19 }), 8_760 * HOUR)).toBe(true);
    // The same rate over a week: 19 × 168 / 9 = 354.7 matches, cheap for the index.
    expect(estimatedMatches(reading({ matches: 19 }), 168 * HOUR)).toBeCloseTo(354.67, 1);
    expect(boundedByHistory(reading({ matches: 19 }), 168 * HOUR)).toBe(false);
    // The threshold itself: 4 × 4,500 / 9 = 2,000.
    expect(boundedByHistory(reading({ matches: 4 }), 4_500 * HOUR)).toBe(true);
    expect(boundedByHistory(reading({ matches: 4 }), 4_499 * HOUR)).toBe(false);
  });

  it('never estimates fewer matches than the probe saw, and treats a probe on one instant as unbounded', () => {
    expect(estimatedMatches(reading({ matches: 5 }), 0)).toBe(5);
    expect(estimatedMatches(reading({ matches: 5, probeSpanMs: 0 }), 8_760 * HOUR)).toBe(Infinity);
  });
});
