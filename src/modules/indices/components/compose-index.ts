import { CompositeIndex, Interval, weightedComposite } from '../../../core/statistics';
import { ComponentKey, componentsOf, IndexName, IndexWeights } from '../index-definitions';
import { ComponentValue } from './index-components';

export interface IndexComponentResult extends Omit<ComponentValue, 'standardError'> {
  /** The weight as defined, and as applied (renormalised over the components that have data; 0 without). */
  weight: number;
  appliedWeight: number;
  lowSample: boolean;
}

export interface IndexValue {
  index: IndexName;
  /** 0..100; null when no component has data. */
  value: number | null;
  ci: Interval | null;
  standardError: number | null;
  /** Answers and customers the value rests on: the sum of the n of the components that have data. */
  n: number;
  /** True when a component that has data rests on fewer than minSample. */
  lowSample: boolean;
  components: IndexComponentResult[];
}

/** One index from its components' values and the weights in force (the composite from core statistics). */
export function composeIndex(
  index: IndexName,
  values: Map<ComponentKey, ComponentValue>,
  weights: IndexWeights,
  minSample: number,
): { result: IndexValue; composite: CompositeIndex | null } {
  const keys = componentsOf(index);
  const parts = keys.map((k) => values.get(k)!);
  const composite = weightedComposite(
    parts.map((p, i) => ({
      value: p.value,
      standardError: p.standardError,
      weight: weights[index][keys[i]] ?? 0,
    })),
  );
  const components = parts.map((p, i) => ({
    key: p.key,
    value: p.value,
    n: p.n,
    ci: p.ci,
    weight: weights[index][keys[i]] ?? 0,
    appliedWeight: composite?.weights[i] ?? 0,
    lowSample: p.n < minSample,
  }));
  const used = components.filter((c) => c.appliedWeight > 0);
  return {
    composite,
    result: {
      index,
      value: composite?.value ?? null,
      ci: composite?.ci ?? null,
      standardError: composite?.standardError ?? null,
      n: used.reduce((s, c) => s + c.n, 0),
      lowSample: !composite || used.some((c) => c.lowSample),
      components,
    },
  };
}
