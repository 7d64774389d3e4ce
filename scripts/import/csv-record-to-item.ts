/**
 * Turns CSV rows into raw feedback objects: dotted headers nest (`customer.email`), empty cells are
 * left out, numeric fields become numbers and `metadata` / `customer.attributes` cells holding a
 * JSON object are parsed. Anything else stays a string for validateFeedbackInput to judge.
 */

const NUMERIC_FIELDS = new Set([
  'rating',
  'scale',
  'npsScore',
  'csat',
  'csatScale',
  'ces',
  'reach',
  'durationSeconds',
]);
const JSON_FIELDS = new Set(['metadata', 'attributes']);
const NUMBER = /^-?\d+(?:\.\d+)?$/;

export type HeaderPath = string[];

export function parseHeader(header: string[]): HeaderPath[] {
  return header.map((name) => name.trim().split('.'));
}

export function recordToItem(paths: HeaderPath[], cells: string[]): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (let i = 0; i < paths.length; i++) {
    const cell = cells[i]?.trim();
    if (cell === undefined || cell === '') continue;
    const path = paths[i];
    setOwn(item, path, convert(path[path.length - 1], cell));
  }
  return item;
}

function convert(field: string, cell: string): unknown {
  if (NUMERIC_FIELDS.has(field) && NUMBER.test(cell)) return Number(cell);
  if (JSON_FIELDS.has(field) && cell.startsWith('{')) {
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  return cell;
}

/**
 * Writes own properties only (defineProperty), so a hostile header like `__proto__.x` becomes a
 * visible key the validator rejects instead of touching a prototype.
 */
function setOwn(target: Record<string, unknown>, path: HeaderPath, value: unknown): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const existing = Object.prototype.hasOwnProperty.call(node, path[i]) ? node[path[i]] : undefined;
    if (existing === null || typeof existing !== 'object') define(node, path[i], {});
    node = node[path[i]] as Record<string, unknown>;
  }
  define(node, path[path.length - 1], value);
}

function define(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
}
