import { sortSmall } from './sort-small';

describe('sortSmall', () => {
  it('gives the order of the built-in stable sort, ties included, short lists and long', () => {
    let seed = 3;
    const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    const byWeight = (a: { w: number }, b: { w: number }): number => Math.abs(b.w) - Math.abs(a.w);
    for (let k = 0; k < 300; k++) {
      const list = Array.from({ length: Math.floor(next() * 16) }, (_, id) => ({
        id,
        w: Math.round((next() - 0.5) * 6),
      }));
      const expected = [...list].sort(byWeight).map((x) => x.id);
      expect(sortSmall(list, byWeight).map((x) => x.id)).toEqual(expected);
    }
  });
});
