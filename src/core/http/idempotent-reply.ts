import { FastifyReply, FastifyRequest } from 'fastify';
import { IdempotencyService, StoredResponse } from './idempotency.service';

/**
 * Answers a write through `Idempotency-Key` (scoped to the API key and route): runs the handler once, replays the
 * stored answer after, and marks a replay with `Idempotent-Replayed: true`.
 */
export async function answerIdempotently(
  idempotency: IdempotencyService,
  request: FastifyRequest,
  reply: FastifyReply,
  route: string,
  handler: () => Promise<StoredResponse>,
): Promise<unknown> {
  const scope = `${request.apiKey?.id}:${route}`;
  const result = await idempotency.run(scope, idempotencyKeyOf(request), request.rawBody ?? '', handler);
  void reply.status(result.statusCode);
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  return result.body;
}

/**
 * Read from the request, not with @Headers('idempotency-key'): the OpenAPI scanner would list that as a second,
 * required header beside the documented optional `Idempotency-Key`.
 */
function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers['idempotency-key'];
  return Array.isArray(value) ? value[0] : value;
}
