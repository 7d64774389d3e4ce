import { AppException } from '../../core/http/app.exception';

export enum ApiKeyErrorCode {
  Missing = 'API_KEY_MISSING',
  Invalid = 'API_KEY_INVALID',
  Expired = 'API_KEY_EXPIRED',
  Revoked = 'API_KEY_REVOKED',
  Scope = 'API_KEY_SCOPE',
  NotFound = 'API_KEY_NOT_FOUND',
}

export class ApiKeyUnauthorizedException extends AppException {
  constructor(code: ApiKeyErrorCode, message: string) {
    super(401, message, code);
  }
}

export class ApiKeyForbiddenException extends AppException {
  constructor(needed: string) {
    super(403, `This API key lacks the "${needed}" scope`, ApiKeyErrorCode.Scope);
  }
}

export class ApiKeyNotFoundException extends AppException {
  constructor(id: string) {
    super(404, `API key ${id} not found`, ApiKeyErrorCode.NotFound);
  }
}
