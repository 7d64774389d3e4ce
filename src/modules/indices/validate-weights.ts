import type { FieldProblem } from '../../core/http/error-body';
import { ComponentKey, componentsOf, INDEX_NAMES, IndexName, IndexWeights } from './index-definitions';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * New weights over the current ones: indices and components left out keep their weight. Every problem is
 * reported (field and reason); nothing is applied when there is one.
 */
export function mergeWeights(
  current: IndexWeights,
  input: unknown,
): { weights: IndexWeights; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const weights = JSON.parse(JSON.stringify(current)) as IndexWeights;
  if (!isObject(input) || !isObject(input.weights)) {
    problems.push({ field: 'weights', reason: 'must be an object of indices, each an object of weights' });
    return { weights, problems };
  }
  for (const [index, given] of Object.entries(input.weights)) {
    const field = `weights.${index}`;
    if (!INDEX_NAMES.includes(index as IndexName)) {
      problems.push({ field, reason: `unknown index: use ${INDEX_NAMES.join(', ')}` });
      continue;
    }
    if (!isObject(given)) {
      problems.push({ field, reason: 'must be an object of component weights' });
      continue;
    }
    const allowed = componentsOf(index as IndexName);
    for (const [component, weight] of Object.entries(given)) {
      if (!allowed.includes(component as ComponentKey))
        problems.push({
          field: `${field}.${component}`,
          reason: `unknown component of ${index}: use ${allowed.join(', ')}`,
        });
      else if (typeof weight !== 'number' || !Number.isFinite(weight) || weight < 0 || weight > 1000)
        problems.push({ field: `${field}.${component}`, reason: 'must be a number from 0 to 1000' });
      else weights[index as IndexName][component as ComponentKey] = weight;
    }
    const sum = allowed.reduce((s, c) => s + (weights[index as IndexName][c] ?? 0), 0);
    if (!problems.some((p) => p.field.startsWith(field)) && !(sum > 0))
      problems.push({ field, reason: 'weights must not sum to zero' });
  }
  return { weights, problems };
}
