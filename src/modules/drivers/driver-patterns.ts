import type { Correlations } from '../../core/statistics';

/**
 * Customers who raised the same topics and have the same outcome value, counted once: everything the drivers'
 * regressions need (their correlation matrix, the NPS and odds tables per topic) follows from the counts, so a
 * quarter of 250 k customers shrinks to a few thousand rows, and a bootstrap resample is a new set of counts.
 */
export interface PatternTable {
  /** Topic columns (0..p−1) each pattern raised. */
  raised: number[][];
  y: number[];
  count: number[];
  /** The pattern of each customer, in input order (what a bootstrap resamples). */
  of: number[];
  p: number;
}

export function patternTable(customers: Iterable<{ raised: number[]; y: number }>, p: number): PatternTable {
  if (p > 31) throw new RangeError(`at most 31 topic columns, got ${p}`);
  const table: PatternTable = { raised: [], y: [], count: [], of: [], p };
  // Keyed by the raised topics as a bit mask, then the outcome value: no string per customer.
  const index = new Map<number, Map<number, number>>();
  for (const c of customers) {
    let mask = 0;
    for (let a = 0; a < c.raised.length; a++) mask |= 1 << c.raised[a];
    let byY = index.get(mask);
    if (!byY) index.set(mask, (byY = new Map()));
    let i = byY.get(c.y);
    if (i === undefined) {
      i = table.y.length;
      byY.set(c.y, i);
      table.raised.push(c.raised);
      table.y.push(c.y);
      table.count.push(0);
    }
    table.count[i]++;
    table.of.push(i);
  }
  return table;
}

/**
 * Pearson correlations of the 0/1 topic columns with each other and with y, each pattern weighted by `counts`:
 * the same numbers `correlationsOf` gives on the expanded rows. Null when y is constant.
 */
export function patternCorrelations(
  t: PatternTable,
  counts: ArrayLike<number> = t.count,
): Correlations | null {
  const { p } = t;
  const sx = new Float64Array(p);
  const sxy = new Float64Array(p);
  const sxx = new Float64Array(p * p);
  let n = 0;
  let sy = 0;
  let syy = 0;
  // Indexed loops over typed arrays: this runs once per bootstrap replicate over every pattern.
  for (let i = 0; i < t.y.length; i++) {
    const w = counts[i];
    if (!w) continue;
    const y = t.y[i];
    n += w;
    sy += w * y;
    syy += w * y * y;
    const raised = t.raised[i];
    for (let a = 0; a < raised.length; a++) {
      const j = raised[a];
      sx[j] += w;
      sxy[j] += w * y;
      for (let b = 0; b < raised.length; b++) sxx[j * p + raised[b]] += w;
    }
  }
  if (n < 2) return null;
  const meanY = sy / n;
  const varY = syy / n - meanY * meanY;
  if (!(varY > 1e-12 * (meanY * meanY + 1))) return null;
  const mean = Array.from(sx, (s) => s / n);
  const sd = mean.map((m) => Math.sqrt(Math.max(0, m - m * m)));
  const constant = sd.map((s) => !(s > 1e-9));
  const rxx = mean.map((mj, j) =>
    mean.map((mk, k) =>
      j === k ? 1 : constant[j] || constant[k] ? 0 : (sxx[j * p + k] / n - mj * mk) / (sd[j] * sd[k]),
    ),
  );
  const rxy = mean.map((m, j) => (constant[j] ? 0 : (sxy[j] / n - m * meanY) / (sd[j] * Math.sqrt(varY))));
  return { rxx, rxy, constant };
}

/** Counts of customers by whether they raised topic j and by a class of y (e.g. promoter, churned). */
export function splitBy<K extends string>(
  t: PatternTable,
  j: number,
  classOf: (y: number) => K,
): { with: Record<K, number>; without: Record<K, number> } {
  const split = { with: {} as Record<K, number>, without: {} as Record<K, number> };
  for (let i = 0; i < t.y.length; i++) {
    const side = t.raised[i].includes(j) ? split.with : split.without;
    const k = classOf(t.y[i]);
    side[k] = (side[k] ?? 0) + t.count[i];
  }
  return split;
}
