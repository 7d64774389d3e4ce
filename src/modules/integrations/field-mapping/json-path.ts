/**
 * A deliberately small JSONPath subset for integration mappings:
 *   $.a.b   $['a-b']   $.a[0].b   $.answers[?(@.field.ref=='nps')].number
 * A filter selects the FIRST array element whose sub-path equals the literal (string, number,
 * true, false, null). Parsed once into steps and walked over own properties only: no eval,
 * no prototype access, no wildcards or recursion, so a mapping can never run code or loop.
 */

export type PathStep =
  | { type: 'key'; key: string }
  | { type: 'index'; index: number }
  | { type: 'filter'; keys: string[]; equals: string | number | boolean | null };

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const NAME = /^[A-Za-z_$][\w$-]*/;
const FILTER =
  /^\[\?\(@((?:\.[A-Za-z_$][\w$-]*)+)\s*==\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)\s*\)\]/;
const QUOTED = /^\[('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\]/;
const INDEX = /^\[(\d{1,6})\]/;
const MAX_PATH_LENGTH = 300;
const MAX_STEPS = 16;

export class JsonPathError extends Error {}

export function compileJsonPath(path: string): PathStep[] {
  if (path.length > MAX_PATH_LENGTH) throw new JsonPathError(`is longer than ${MAX_PATH_LENGTH} characters`);
  if (!path.startsWith('$')) throw new JsonPathError('must start with $');
  const steps: PathStep[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    let match: RegExpExecArray | null;
    if (rest.startsWith('.') && (match = NAME.exec(rest.slice(1)))) {
      steps.push({ type: 'key', key: safeKey(match[0]) });
      rest = rest.slice(1 + match[0].length);
    } else if ((match = INDEX.exec(rest))) {
      steps.push({ type: 'index', index: Number(match[1]) });
      rest = rest.slice(match[0].length);
    } else if ((match = QUOTED.exec(rest))) {
      steps.push({ type: 'key', key: safeKey(unquote(match[1])) });
      rest = rest.slice(match[0].length);
    } else if ((match = FILTER.exec(rest))) {
      const keys = match[1].slice(1).split('.').map(safeKey);
      steps.push({ type: 'filter', keys, equals: literal(match[2]) });
      rest = rest.slice(match[0].length);
    } else {
      throw new JsonPathError(
        `cannot parse "${rest.slice(0, 30)}" (supported: .name, ['name'], [0], [?(@.a.b=='x')])`,
      );
    }
    if (steps.length > MAX_STEPS) throw new JsonPathError(`has more than ${MAX_STEPS} steps`);
  }
  return steps;
}

export function evaluateJsonPath(root: unknown, steps: readonly PathStep[]): unknown {
  let current = root;
  for (const step of steps) {
    if (step.type === 'key') current = ownValue(current, step.key);
    else if (step.type === 'index') current = Array.isArray(current) ? current[step.index] : undefined;
    else
      current = Array.isArray(current)
        ? current.find((item) => walk(item, step.keys) === step.equals)
        : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

function walk(value: unknown, keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) current = ownValue(current, key);
  return current;
}

function ownValue(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return Object.prototype.hasOwnProperty.call(value, key)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

function safeKey(key: string): string {
  if (FORBIDDEN.has(key)) throw new JsonPathError(`must not use the key "${key}"`);
  return key;
}

function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(.)/g, '$1');
}

function literal(text: string): string | number | boolean | null {
  if (text.startsWith("'") || text.startsWith('"')) return unquote(text);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null') return null;
  return Number(text);
}
