import { createHash } from 'node:crypto';
import { VerbatimCursorException } from './verbatims.exception';

/**
 * Where the next page starts: after (occurredAt, id) for recency, at an offset for relevance (`bounded`: into the
 * ranked newest matches, see VerbatimsService, so every page of a search ranks the same way).
 */
export type VerbatimPosition = { occurredAt: number; id: string } | { offset: number; bounded?: boolean };

/**
 * A cursor names the query it belongs to (a hash of its filters, search and sort): a cursor carried over to
 * another query would silently skip or repeat items, so it is refused instead.
 */
export function queryFingerprint(query: Record<string, unknown>): string {
  const stable = Object.keys(query)
    .filter((k) => k !== 'cursor' && k !== 'limit' && query[k] !== undefined)
    .sort()
    .map((k) => [k, query[k]]);
  return createHash('sha256').update(JSON.stringify(stable)).digest('base64url').slice(0, 16);
}

export function encodeVerbatimCursor(fingerprint: string, position: VerbatimPosition): string {
  return Buffer.from(JSON.stringify({ q: fingerprint, ...position })).toString('base64url');
}

export function decodeVerbatimCursor(cursor: string, fingerprint: string): VerbatimPosition {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new VerbatimCursorException('is not one this API returned');
  }
  if (typeof parsed !== 'object' || parsed === null)
    throw new VerbatimCursorException('is not one this API returned');
  if (parsed.q !== fingerprint) throw new VerbatimCursorException('belongs to another query');
  if (Number.isInteger(parsed.offset) && (parsed.offset as number) >= 0)
    return typeof parsed.bounded === 'boolean'
      ? { offset: parsed.offset as number, bounded: parsed.bounded }
      : { offset: parsed.offset as number };
  if (
    Number.isFinite(parsed.occurredAt) &&
    typeof parsed.id === 'string' &&
    /^[0-9a-f-]{36}$/.test(parsed.id)
  )
    return { occurredAt: parsed.occurredAt as number, id: parsed.id };
  throw new VerbatimCursorException('is not one this API returned');
}
