import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable, throwError, timeout } from 'rxjs';
import { AppException } from './app.exception';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from './to-error-body';

/** 503 with Retry-After (the filter sets the header from `retryAfterSeconds`). */
export class DeadlineExceededException extends AppException {
  constructor() {
    super(
      503,
      'The database did not answer in time; retry later (a retry with the same externalId or Idempotency-Key is safe)',
      'SERVICE_UNAVAILABLE',
      { retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
    );
  }
}

/**
 * The last bound on a request: whatever it waits for (a connection stuck on a silent network that no
 * driver timeout notices), it answers 503 by this deadline. Work still running may commit afterwards;
 * a 503 promises nothing either way, and retries are de-duplicated, so a 2xx still always means committed.
 */
@Injectable()
export class DeadlineInterceptor implements NestInterceptor {
  constructor(private readonly deadlineMs: number) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        timeout({ first: this.deadlineMs, with: () => throwError(() => new DeadlineExceededException()) }),
      );
  }
}
