import { AppException } from '../../core/http/app.exception';
import type { FieldError } from '../feedback/validation/field-error.type';

export class OutcomeRejectedException extends AppException {
  constructor(errors: FieldError[]) {
    super(
      400,
      `Outcome rejected: ${errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`,
      'OUTCOME_REJECTED',
      errors,
    );
  }
}

export class OutcomeNotFoundException extends AppException {
  constructor(id: string) {
    super(404, `Outcome ${id} not found`, 'OUTCOME_NOT_FOUND');
  }
}
