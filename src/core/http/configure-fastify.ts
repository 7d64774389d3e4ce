import { Logger } from 'pino';
import { FastifyInstance } from 'fastify';
import { redactUrl } from '../logging/redact-url';
import { requestContext } from '../logging/request-context';
import { registerJsonBodyParser } from './json-body-parser';
import { securityHeaders } from './security-headers';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Everything HTTP-level that sits below Nest: request ids, logging, parsing, security headers. */
export function configureFastify(fastify: FastifyInstance, logger: Logger): void {
  registerJsonBodyParser(fastify);

  const headers = securityHeaders();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(headers);
    void reply.header(REQUEST_ID_HEADER, request.id);
    requestContext.run({ requestId: request.id }, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const level = reply.statusCode >= 500 ? 'error' : 'info';
    if (logger.isLevelEnabled(level)) {
      logger[level](
        {
          requestId: request.id,
          method: request.method,
          url: redactUrl(request.url),
          statusCode: reply.statusCode,
          durationMs: Math.round(reply.elapsedTime * 10) / 10,
        },
        'request completed',
      );
    }
    done();
  });
}
