import { applyOffsets, tuneClassOffsets } from './class-offsets';

describe('class offsets', () => {
  it('adds each offset in log space and keeps the probabilities summing to one', () => {
    const p = applyOffsets([0.5, 0.3, 0.2], [0, Math.log(2), 0]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[1]).toBeGreaterThan(p[0]);
    expect(p[0] / p[2]).toBeCloseTo(2.5, 12);
  });

  it('gives every class one offset, within bounds', () => {
    // "rare" shares its words with "common" and has one word of its own, seen in few texts: a balanced model
    // still leans to "common" on the shared words; the tuned offset gives "rare" its share back.
    const examples = [
      ...Array.from({ length: 60 }, (_, i) => ({ words: ['wait', 'gate', `w${i % 7}`], label: 'common' })),
      ...Array.from({ length: 12 }, (_, i) => ({
        words: ['wait', 'gate', 'line', `w${i % 7}`],
        label: 'rare',
      })),
      ...Array.from({ length: 40 }, (_, i) => ({ words: ['bag', 'lost', `w${i % 7}`], label: 'other' })),
    ];
    const offsets = tuneClassOffsets(examples, {
      classes: ['common', 'other', 'rare'],
      folds: 4,
      features: { bigrams: false, minCount: 1 },
      training: { epochs: 5, balanced: true, l2: 0.01 },
    });
    expect(offsets).toHaveLength(3);
    for (const o of offsets) expect(Math.abs(o)).toBeLessThanOrEqual(2);
  });
});
