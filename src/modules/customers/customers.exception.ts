import { AppException } from '../../core/http/app.exception';

export class CustomerNotFoundException extends AppException {
  constructor(id: string) {
    super(404, `Customer ${id} not found`, 'CUSTOMER_NOT_FOUND');
  }
}
