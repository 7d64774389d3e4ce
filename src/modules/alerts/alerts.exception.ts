import { AppException } from '../../core/http/app.exception';

export class AlertSubscriptionNotFoundException extends AppException {
  constructor(id: string) {
    super(404, `Alert subscription ${id} not found`, 'ALERT_SUBSCRIPTION_NOT_FOUND');
  }
}
