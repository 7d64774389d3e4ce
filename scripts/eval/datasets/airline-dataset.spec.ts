import { existsSync } from 'node:fs';
import { cleanAirlineText, loadAirlineTweets } from './airline-dataset';
import { splitTrainTest } from './split-train-test';

const DATASETS = '/work/shared/datasets';
const haveData = existsSync(`${DATASETS}/airline/tweets-train.csv`);

describe('cleanAirlineText', () => {
  it('undoes the label-leaking replacements and decodes entities', () => {
    expect(cleanAirlineText('@united Cancelled Flightled &amp; Late Flightr again &lt;3 &#39;ok&#39;')).toBe(
      "@united cancelled & later again <3 'ok'",
    );
  });
});

(haveData ? describe : describe.skip)('loadAirlineTweets', () => {
  const tweets = haveData ? loadAirlineTweets(DATASETS) : [];

  it('reads every row, including texts with newlines', () => {
    expect(tweets.length).toBe(10207);
    expect(tweets.some((t) => t.text.includes('\n'))).toBe(true);
  });

  it('keeps reasons only on negatives and leaves no replacement artefacts', () => {
    expect(tweets.filter((t) => t.negativeReason !== null).every((t) => t.sentiment === 'negative')).toBe(
      true,
    );
    expect(tweets.some((t) => /Cancelled Flight|Late Flight|&amp;/.test(t.text))).toBe(false);
  });
});

describe('splitTrainTest', () => {
  it('is deterministic, near the requested share, and keeps equal keys together', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({ id: String(i % 4000) }));
    const a = splitTrainTest(rows, (r) => r.id);
    const b = splitTrainTest([...rows].reverse(), (r) => r.id);
    expect(new Set(a.test.map((r) => r.id))).toEqual(new Set(b.test.map((r) => r.id)));
    expect(a.test.length / rows.length).toBeGreaterThan(0.17);
    expect(a.test.length / rows.length).toBeLessThan(0.23);
    const testIds = new Set(a.test.map((r) => r.id));
    expect(a.train.some((r) => testIds.has(r.id))).toBe(false);
  });
});
