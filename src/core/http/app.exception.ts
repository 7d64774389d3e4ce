import { HttpException } from '@nestjs/common';
import { defaultErrorCode, FieldProblem } from './error-body';

/**
 * Base of every feature's exceptions: a status, a stable machine-readable code and optional details.
 * Feature modules subclass it in `<feature>.exception.ts`.
 */
export class AppException extends HttpException {
  constructor(
    status: number,
    message: string,
    readonly code: string = defaultErrorCode(status),
    readonly details?: FieldProblem[] | Record<string, unknown>,
  ) {
    super({ statusCode: status, code, message, details }, status);
  }
}

export class ValidationFailedException extends AppException {
  constructor(details: FieldProblem[], message = 'Validation failed') {
    super(400, message, 'VALIDATION_FAILED', details);
  }
}
