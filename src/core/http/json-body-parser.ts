import { isUtf8 } from 'node:buffer';
import { FastifyInstance, FastifyRequest } from 'fastify';
import { AppException } from './app.exception';

export const JSON_BODY_LIMIT_BYTES = 1024 * 1024;
const MAX_DEPTH = 32;

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as sent: signature checks (webhooks) need the raw text. */
    rawBody?: string;
  }
}

/**
 * Accept only application/json: replaces Fastify's parsers so any other media type gets 415.
 * Rejects invalid UTF-8, prototype-pollution keys and absurd nesting with a clear 400.
 */
export function registerJsonBodyParser(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: JSON_BODY_LIMIT_BYTES },
    (request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) => {
      try {
        done(null, parseJsonBody(request, body));
      } catch (error) {
        done(error as Error);
      }
    },
  );
}

function parseJsonBody(request: FastifyRequest, body: Buffer): unknown {
  if (body.length === 0) throw new AppException(400, 'Request body is empty', 'EMPTY_BODY');
  if (!isUtf8(body)) throw new AppException(400, 'Request body is not valid UTF-8', 'INVALID_UTF8');
  const text = body.toString('utf8');
  request.rawBody = text;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, rejectDangerousKeys);
  } catch (error) {
    if (error instanceof AppException) throw error;
    throw new AppException(
      400,
      `Request body is not valid JSON: ${(error as Error).message}`,
      'INVALID_JSON',
    );
  }
  if (depthOf(parsed, 0) > MAX_DEPTH) {
    throw new AppException(400, `Request body is nested deeper than ${MAX_DEPTH} levels`, 'TOO_DEEP');
  }
  return parsed;
}

function rejectDangerousKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
    throw new AppException(400, `Forbidden key "${key}" in request body`, 'FORBIDDEN_KEY', [
      { field: key, reason: 'this key is not allowed' },
    ]);
  }
  return value;
}

function depthOf(value: unknown, depth: number): number {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return depth;
  let max = depth + 1;
  for (const child of Object.values(value as object)) {
    if (child !== null && typeof child === 'object') max = Math.max(max, depthOf(child, depth + 1));
    if (max > MAX_DEPTH) break;
  }
  return max;
}
