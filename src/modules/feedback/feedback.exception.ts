import { AppException } from '../../core/http/app.exception';
import { FieldError } from './validation/field-error.type';

export class FeedbackRejectedException extends AppException {
  constructor(errors: FieldError[]) {
    super(
      400,
      `Feedback rejected: ${errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`,
      'FEEDBACK_REJECTED',
      errors,
    );
  }
}

export class FeedbackNotFoundException extends AppException {
  constructor(id: string) {
    super(404, `Feedback ${id} not found`, 'FEEDBACK_NOT_FOUND');
  }
}

export class InvalidCursorException extends AppException {
  constructor() {
    super(400, 'cursor is not one this API returned', 'INVALID_CURSOR', [
      { field: 'cursor', reason: 'is not valid' },
    ]);
  }
}
