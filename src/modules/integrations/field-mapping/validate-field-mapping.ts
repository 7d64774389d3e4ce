import type { FieldError } from '../../feedback/validation/field-error.type';
import { isPlainObject } from '../../feedback/validation/value-checks';
import { compileJsonPath, JsonPathError } from './json-path';
import { targetProblem } from './mapping-targets';

const SPEC_KEYS = new Set(['path', 'map', 'default']);

/**
 * Checks a mapping (and optional constants) before it is saved, so applyFieldMapping never meets a
 * bad one. `field` in each error is the Hearken target the problem belongs to. Never throws.
 */
export function validateFieldMapping(mapping: unknown, constants?: unknown, outcome = false): FieldError[] {
  const errors: FieldError[] = [];
  if (!isPlainObject(mapping)) return [{ field: '(mapping)', reason: 'must be an object of target → path' }];
  for (const [target, spec] of Object.entries(mapping)) {
    const problem = targetProblem(target, outcome);
    if (problem) errors.push({ field: target, reason: problem });
    else errors.push(...specProblems(target, spec));
  }
  if (constants !== undefined) {
    if (!isPlainObject(constants)) errors.push({ field: '(constants)', reason: 'must be an object' });
    else {
      for (const target of Object.keys(constants)) {
        const problem = targetProblem(target, outcome);
        if (problem) errors.push({ field: target, reason: `constant ${problem}` });
      }
    }
  }
  return errors;
}

function specProblems(target: string, spec: unknown): FieldError[] {
  if (typeof spec === 'string') return pathProblems(target, spec);
  if (!isPlainObject(spec))
    return [{ field: target, reason: 'must be a JSONPath string or { path, map?, default? }' }];
  const unknown = Object.keys(spec).filter((key) => !SPEC_KEYS.has(key));
  if (unknown.length > 0) return [{ field: target, reason: `unknown option(s): ${unknown.join(', ')}` }];
  if (typeof spec.path !== 'string') return [{ field: target, reason: 'path must be a JSONPath string' }];
  const errors = pathProblems(target, spec.path);
  if (spec.map !== undefined) {
    const valid =
      isPlainObject(spec.map) &&
      Object.entries(spec.map).every(
        ([key, value]) => key !== '__proto__' && (typeof value === 'string' || typeof value === 'number'),
      );
    if (!valid) errors.push({ field: target, reason: 'map must be an object of value → string or number' });
  }
  return errors;
}

function pathProblems(target: string, path: string): FieldError[] {
  try {
    compileJsonPath(path);
    return [];
  } catch (error) {
    const reason = error instanceof JsonPathError ? error.message : 'is not a valid path';
    return [{ field: target, reason: `path ${reason}` }];
  }
}
