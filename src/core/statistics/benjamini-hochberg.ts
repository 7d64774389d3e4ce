/**
 * Benjamini–Hochberg adjusted p-values (q-values), in the input order. Nulls (tests that could not be run)
 * stay null and do not count towards m. q_(i) = min over j ≥ i of m · p_(j) / j, capped at 1, so the
 * q-values are monotone in the p-values; flag a mover when q ≤ the false discovery rate (e.g. 0.05).
 */
export function benjaminiHochberg(pValues: (number | null)[]): (number | null)[] {
  const present = pValues
    .map((p, index) => ({ p, index }))
    .filter((entry): entry is { p: number; index: number } => entry.p !== null);
  for (const { p } of present) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must be in [0, 1], got ${p}`);
  }
  const m = present.length;
  const ranked = [...present].sort((x, y) => x.p - y.p);
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const { p, index } = ranked[rank - 1];
    running = Math.min(running, (m * p) / rank);
    adjusted[index] = running;
  }
  return adjusted;
}
