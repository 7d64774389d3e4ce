import type { FieldMapping, FieldMappingSpec } from './field-mapping.type';
import { compileJsonPath, evaluateJsonPath, PathStep } from './json-path';
import { setTarget } from './mapping-targets';

// Mappings are few and reused for every delivery: compile each path once.
const compiled = new Map<string, PathStep[]>();
const CACHE_LIMIT = 1_000;

function steps(path: string): PathStep[] {
  let found = compiled.get(path);
  if (!found) {
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    found = compileJsonPath(path);
    compiled.set(path, found);
  }
  return found;
}

/**
 * Turns a native payload into a raw Hearken item (to be checked by validateFeedbackInput).
 * Constants are written first, then every mapped value that is present; absent values are left
 * out rather than written as undefined. Throws on a mapping validateFieldMapping would reject.
 */
export function applyFieldMapping(
  payload: unknown,
  mapping: FieldMapping,
  constants: Record<string, unknown> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [target, value] of Object.entries(constants)) setTarget(out, target, value);
  for (const [target, spec] of Object.entries(mapping)) {
    const value = resolve(payload, typeof spec === 'string' ? { path: spec } : spec);
    if (value !== undefined) setTarget(out, target, value);
  }
  return out;
}

function resolve(payload: unknown, spec: FieldMappingSpec): unknown {
  let value = evaluateJsonPath(payload, steps(spec.path));
  if (spec.map && value !== undefined && value !== null) {
    const key = String(value);
    value = Object.prototype.hasOwnProperty.call(spec.map, key) ? spec.map[key] : undefined;
  }
  return value === undefined || value === null ? spec.default : value;
}

/** The items of a batched delivery (`$.events`); a single object is a batch of one. */
export function selectItems(payload: unknown, itemsPath: string | undefined): unknown[] {
  if (itemsPath === undefined) return [payload];
  const items = evaluateJsonPath(payload, steps(itemsPath));
  if (items === undefined) return [];
  return Array.isArray(items) ? items : [items];
}
