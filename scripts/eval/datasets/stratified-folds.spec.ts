import { stratifiedFolds } from './stratified-folds';

describe('stratifiedFolds', () => {
  // 3 strata of very different sizes, and a few ids that occur twice (as duplicated tweets do).
  const rows = [
    ...Array.from({ length: 103 }, (_, i) => ({ id: `a${i}`, label: 'big' })),
    ...Array.from({ length: 24 }, (_, i) => ({ id: `b${i}`, label: 'mid' })),
    ...Array.from({ length: 7 }, (_, i) => ({ id: `c${i}`, label: 'rare' })),
    { id: 'a3', label: 'big' },
    { id: 'c5', label: 'rare' },
  ];
  const folds = stratifiedFolds(
    rows,
    (r) => r.id,
    (r) => r.label,
    5,
  );

  it('tests every row exactly once, never in a fold that trains on it', () => {
    expect(folds).toHaveLength(5);
    expect(folds.flatMap((f) => f.test)).toHaveLength(rows.length);
    expect(new Set(folds.flatMap((f) => f.test))).toEqual(new Set(rows));
    for (const { train, test } of folds) {
      expect(train.length + test.length).toBe(rows.length);
      const trainIds = new Set(train.map((r) => r.id));
      expect(test.filter((r) => trainIds.has(r.id))).toEqual([]);
    }
  });

  it('keeps rows sharing an id in one fold', () => {
    const foldsOf = (id: string) => folds.flatMap((f, i) => (f.test.some((r) => r.id === id) ? [i] : []));
    expect(foldsOf('a3')).toHaveLength(1);
    expect(foldsOf('c5')).toHaveLength(1);
    expect(folds[foldsOf('c5')[0]].test.filter((r) => r.id === 'c5')).toHaveLength(2);
  });

  it('gives each fold its share of every stratum, give or take one id', () => {
    for (const [label, ids] of [
      ['big', 103],
      ['mid', 24],
      ['rare', 7],
    ] as const) {
      const counts = folds.map((f) => new Set(f.test.filter((r) => r.label === label).map((r) => r.id)).size);
      expect(counts.reduce((s, n) => s + n, 0)).toBe(ids);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('does not depend on row order', () => {
    const reversed = stratifiedFolds(
      [...rows].reverse(),
      (r) => r.id,
      (r) => r.label,
      5,
    );
    const ids = (f: { test: { id: string }[] }[]) => f.map((x) => x.test.map((r) => r.id).sort());
    expect(ids(reversed)).toEqual(ids(folds));
  });

  it('refuses fewer than two folds', () => {
    expect(() =>
      stratifiedFolds(
        rows,
        (r) => r.id,
        (r) => r.label,
        1,
      ),
    ).toThrow(/at least 2/);
  });
});
