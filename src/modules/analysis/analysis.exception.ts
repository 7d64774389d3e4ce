import { AppException } from '../../core/http/app.exception';

export class TopicNotFoundException extends AppException {
  constructor(key: string) {
    super(404, `Topic ${key} not found`, 'TOPIC_NOT_FOUND');
  }
}

export class TopicConflictException extends AppException {
  constructor(message: string, field: string) {
    super(409, message, 'TOPIC_CONFLICT', [{ field, reason: message }]);
  }
}

export class TopicPackNotFoundException extends AppException {
  constructor(name: string, known: string[]) {
    super(404, `No industry pack ${name} (known: ${known.join(', ')})`, 'TOPIC_PACK_NOT_FOUND');
  }
}

export class ReprocessNotFoundException extends AppException {
  constructor(id: string) {
    super(404, `Reprocess run ${id} not found`, 'REPROCESS_NOT_FOUND');
  }
}
