import { AppException } from '../../core/http/app.exception';
import type { FieldProblem } from '../../core/http/error-body';

export enum IntegrationErrorCode {
  NotFound = 'INTEGRATION_NOT_FOUND',
  InvalidMapping = 'INVALID_FIELD_MAPPING',
  HeadersMissing = 'WEBHOOK_HEADERS_MISSING',
  TimestampOutOfTolerance = 'WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
  SignatureInvalid = 'WEBHOOK_SIGNATURE_INVALID',
  InvalidWebhookId = 'WEBHOOK_ID_INVALID',
  PayloadRejected = 'WEBHOOK_PAYLOAD_REJECTED',
  InProgress = 'WEBHOOK_IN_PROGRESS',
}

export class IntegrationNotFoundException extends AppException {
  constructor(id: string) {
    super(404, `Integration ${id} not found`, IntegrationErrorCode.NotFound);
  }
}

export class InvalidFieldMappingException extends AppException {
  constructor(problems: FieldProblem[]) {
    super(
      400,
      `Invalid mapping: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`,
      IntegrationErrorCode.InvalidMapping,
      problems,
    );
  }
}

/** 401: the sender could not prove it holds the integration's secret (or signed too long ago). */
export class WebhookUnauthorizedException extends AppException {
  constructor(code: IntegrationErrorCode, message: string) {
    super(401, message, code);
  }
}

export class InvalidWebhookIdException extends AppException {
  constructor(maxLength: number) {
    super(
      400,
      `webhook-id must be 1-${maxLength} printable ASCII characters`,
      IntegrationErrorCode.InvalidWebhookId,
      [{ field: 'webhook-id', reason: `must be 1-${maxLength} printable ASCII characters` }],
    );
  }
}

export class WebhookPayloadRejectedException extends AppException {
  constructor(problems: FieldProblem[]) {
    super(
      400,
      `Webhook payload rejected: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`,
      IntegrationErrorCode.PayloadRejected,
      problems,
    );
  }
}

/** A retry arrived while the first delivery of that webhook-id is still running: the sender retries later. */
export class WebhookInProgressException extends AppException {
  constructor() {
    super(409, 'A delivery with this webhook-id is still being processed', IntegrationErrorCode.InProgress);
  }
}
