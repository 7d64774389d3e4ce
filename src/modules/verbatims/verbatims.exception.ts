import { AppException } from '../../core/http/app.exception';

export class VerbatimCursorException extends AppException {
  constructor(reason: string) {
    super(400, `cursor ${reason}`, 'INVALID_CURSOR', [{ field: 'cursor', reason }]);
  }
}
