import { FastifyInstance } from 'fastify';

const IDLE_SWEEP_MS = 50;

/**
 * Stops taking connections and resolves once every request received has been answered. Node closes only the
 * keep-alive connections idle when `close()` is called; one that finishes its request later would be kept
 * open until its keep-alive timeout (72 s), so idle connections are closed as they appear. A request that
 * arrives on such a connection meanwhile is answered 503 with `Connection: close` (Fastify's
 * `return503OnClosing`).
 */
export async function closeHttpServer(fastify: FastifyInstance): Promise<void> {
  const closed = fastify.close();
  const sweep = setInterval(() => fastify.server.closeIdleConnections(), IDLE_SWEEP_MS);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
  }
}
