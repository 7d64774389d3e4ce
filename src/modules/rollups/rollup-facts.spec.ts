import { RollupDelta, RollupFacts, rowsOf, SliceKey, sliceKeyString, slicesOf } from './rollup-facts';

const facts: RollupFacts = {
  hour: 100,
  dims: {
    kind: 'survey_response',
    source: 's',
    channel: 'web',
    touchpoint: 'checkout',
    journeyStage: '',
    segment: 'smb',
    language: 'en',
  },
  sentiment: { label: 'negative', score: -0.5 },
  topics: [['payment', 'negative', -0.8]],
  signals: ['complaint'],
  nps: 9,
  csat: 0.75,
  ces: 3,
  rating: null,
};

describe('rollup facts', () => {
  it('adds an item row, a row per topic with its own sentiment and a row per signal', () => {
    const rows = rowsOf(facts, 4, 1);
    expect(rows.map(([k]) => [k.topicKey, k.signalType])).toEqual([
      ['', ''],
      ['payment', ''],
      ['', 'complaint'],
    ]);
    expect(rows[0][1]).toMatchObject({
      n: 1,
      sentN: 1,
      sentSum: -0.5,
      negative: 1,
      promoters: 1,
      csatN: 1,
      csatTop: 1,
      cesN: 1,
      cesSum: 3,
      cesSq: 9,
      ratingN: 0,
    });
    expect(rows[1][1]).toMatchObject({ sentSum: -0.8, promoters: 1 });
  });

  it('cancels out a move that changes nothing, and slices a row 29 ways', () => {
    const delta = new RollupDelta();
    delta.add(rowsOf(facts, 4, -1));
    delta.add(rowsOf(facts, 4, 1));
    expect(delta.sorted()).toEqual([]);
    const [[key, sums]] = rowsOf(facts, 4, 1);
    const slices = new RollupDelta<SliceKey>(sliceKeyString);
    slices.add(slicesOf(key, sums));
    const sorted = slices.sorted();
    expect(sorted).toHaveLength(29);
    expect(sorted.find(([k]) => k.dimA === 'channel' && k.dimB === 'touchpoint')?.[0]).toMatchObject({
      valueA: 'web',
      valueB: 'checkout',
    });
  });
});
