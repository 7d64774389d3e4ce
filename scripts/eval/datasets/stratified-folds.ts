import { hashShare } from './split-train-test';
import type { TrainTestSplit } from './split-train-test';

/**
 * Stratified k-fold cross-validation split: rows sharing a key (duplicated tweet ids) stay in one fold, and each
 * stratum's groups are dealt round-robin in hashed order, so every fold holds each stratum's share give or
 * take one group (a rare topic is in every fold's test part). Deterministic: the same rows give the same folds
 * whatever their order.
 */
export function stratifiedFolds<T>(
  rows: readonly T[],
  key: (r: T) => string,
  stratum: (r: T) => string,
  folds: number,
  /** Another salt deals other folds (repeated cross-validation). */
  salt = 'fold',
): TrainTestSplit<T>[] {
  if (!Number.isInteger(folds) || folds < 2) throw new Error('stratified folds: need at least 2 folds');
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  const byStratum = new Map<string, string[]>();
  for (const [k, group] of groups) {
    const s = stratum(group[0]);
    byStratum.set(s, [...(byStratum.get(s) ?? []), k]);
  }
  const foldOf = new Map<string, number>();
  let next = 0;
  for (const s of [...byStratum.keys()].sort()) {
    const keys = byStratum.get(s) as string[];
    const order = keys
      .map((k) => [hashShare(`${salt}:${k}`), k] as const)
      .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
    // Continue the deal where the previous stratum stopped, so the remainders do not all land in fold 0.
    for (const [, k] of order) foldOf.set(k, next++ % folds);
  }
  return Array.from({ length: folds }, (_, f) => ({
    train: rows.filter((r) => foldOf.get(key(r)) !== f),
    test: rows.filter((r) => foldOf.get(key(r)) === f),
  }));
}
