/** One group's weight (e.g. its number of answers) and value (e.g. its share or NPS) in one period. */
export interface GroupValue {
  group: string;
  weight: number;
  /** Null (or a zero weight) means the group has no data in that period. */
  value: number | null;
}

export interface MixRate {
  mix: number;
  rate: number;
  total: number;
}

export interface MixRateGroup extends MixRate {
  group: string;
  shareA: number;
  shareB: number;
  valueA: number | null;
  valueB: number | null;
}

export interface MixRateDecomposition {
  /** The weighted means Σ s·v of the baseline (a) and current (b) periods. */
  valueA: number;
  valueB: number;
  groups: MixRateGroup[];
  total: MixRate;
}

export interface MixRateOptions {
  /**
   * 'zero' (default): mix_g = Δs·(v_a + v_b)/2, so a group's total is its change of contribution s_b·v_b − s_a·v_a.
   * 'overall': mix_g = Δs·((v_a + v_b)/2 − V̄), V̄ the midpoint of the two overall values: a growing group
   * adds mix only when it is better than average. The total mix is the same either way (Σ Δs = 0).
   */
  reference?: 'zero' | 'overall';
}

function sharesOf(groups: GroupValue[], label: string): Map<string, { share: number; value: number }> {
  const present = groups.filter((entry) => {
    if (!(entry.weight >= 0) || !Number.isFinite(entry.weight))
      throw new RangeError(`${label} weights must be >= 0`);
    if (entry.value !== null && !Number.isFinite(entry.value))
      throw new RangeError(`${label} values must be finite`);
    return entry.weight > 0 && entry.value !== null;
  });
  const totalWeight = present.reduce((sum, entry) => sum + entry.weight, 0);
  const shares = new Map<string, { share: number; value: number }>();
  for (const entry of present) {
    if (shares.has(entry.group)) throw new RangeError(`${label} lists group "${entry.group}" twice`);
    shares.set(entry.group, { share: entry.weight / totalWeight, value: entry.value as number });
  }
  return shares;
}

/**
 * Splits the change of a weighted mean V = Σ_g s_g·v_g (s_g = w_g/Σw, e.g. an overall share or NPS from its
 * groups) from period a (baseline) to b (current) into mix (groups changing share) and rate (values changing
 * within groups), with the symmetric midpoint formula:
 *   rate_g = (v_b − v_a)·(s_a + s_b)/2,   mix_g = (s_b − s_a)·(v_a + v_b)/2   (see `reference`),
 * so s_b·v_b − s_a·v_a = mix_g + rate_g exactly and Σ_g (mix_g + rate_g) = V_b − V_a.
 * A group present in one period only takes that period's value in the other (it has share 0 there), so its
 * whole contribution is mix and its rate is 0. `total` of each part is mix + rate as computed, so the parts
 * add up to the printed total to the last bit; the total equals V_b − V_a up to rounding (~1e-15).
 * Null when either period has no data.
 */
export function mixRateDecomposition(
  groupsA: GroupValue[],
  groupsB: GroupValue[],
  options: MixRateOptions = {},
): MixRateDecomposition | null {
  const a = sharesOf(groupsA, 'groupsA');
  const b = sharesOf(groupsB, 'groupsB');
  if (a.size === 0 || b.size === 0) return null;
  const valueA = [...a.values()].reduce((sum, { share, value }) => sum + share * value, 0);
  const valueB = [...b.values()].reduce((sum, { share, value }) => sum + share * value, 0);
  const reference = options.reference === 'overall' ? (valueA + valueB) / 2 : 0;
  const names = [...new Set([...a.keys(), ...b.keys()])];
  const groups = names.map((group): MixRateGroup => {
    const inA = a.get(group);
    const inB = b.get(group);
    const va = inA?.value ?? (inB as { value: number }).value;
    const vb = inB?.value ?? va;
    const sa = inA?.share ?? 0;
    const sb = inB?.share ?? 0;
    const mix = (sb - sa) * ((va + vb) / 2 - reference);
    const rate = (vb - va) * ((sa + sb) / 2);
    return {
      group,
      shareA: sa,
      shareB: sb,
      valueA: inA?.value ?? null,
      valueB: inB?.value ?? null,
      mix,
      rate,
      total: mix + rate,
    };
  });
  const mix = groups.reduce((sum, entry) => sum + entry.mix, 0);
  const rate = groups.reduce((sum, entry) => sum + entry.rate, 0);
  return { valueA, valueB, groups, total: { mix, rate, total: mix + rate } };
}
