import { AppException } from '../../core/http/app.exception';

export enum DigestErrorCode {
  SubscriberNotFound = 'DIGEST_SUBSCRIBER_NOT_FOUND',
  SubscriberExists = 'DIGEST_SUBSCRIBER_EXISTS',
  InvalidUnsubscribeToken = 'DIGEST_UNSUBSCRIBE_TOKEN_INVALID',
}

export class DigestSubscriberNotFoundException extends AppException {
  constructor(id: string) {
    super(404, `Digest subscriber ${id} not found`, DigestErrorCode.SubscriberNotFound);
  }
}

export class DigestSubscriberExistsException extends AppException {
  constructor(existingId: string) {
    super(409, 'This address already receives the digest', DigestErrorCode.SubscriberExists, {
      existingId,
    });
  }
}

export class InvalidUnsubscribeTokenException extends AppException {
  constructor() {
    super(400, 'This unsubscribe link is not valid', DigestErrorCode.InvalidUnsubscribeToken, [
      { field: 'token', reason: 'is not a valid unsubscribe token' },
    ]);
  }
}
