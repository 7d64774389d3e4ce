import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { toErrorBody, UNAVAILABLE_RETRY_AFTER_SECONDS } from './to-error-body';

/** Turns anything thrown in a route into the one error body; never leaks a stack trace. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toErrorBody(exception);
    if (body.statusCode === 503 && !(exception instanceof HttpException)) {
      // An outage, not a bug: one line, no stack per request.
      this.logger.warn(`${body.code}: ${(exception as Error)?.message ?? String(exception)}`);
      void reply.header('Retry-After', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    } else if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? exception : String(exception));
    } else if (!(exception instanceof HttpException)) {
      this.logger.warn(`${body.code}: ${body.message}`);
    }
    if ((body.statusCode === 429 || body.statusCode === 503) && exception instanceof HttpException) {
      const retryAfter = (exception.getResponse() as { details?: { retryAfterSeconds?: number } }).details
        ?.retryAfterSeconds;
      if (retryAfter) void reply.header('Retry-After', String(retryAfter));
    }
    void reply.status(body.statusCode).send(body);
  }
}
