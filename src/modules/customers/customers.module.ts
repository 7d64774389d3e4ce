import { Module } from '@nestjs/common';
import { CustomerRepository } from './customer.repository';
import { CustomersService } from './customers.service';
import { identitySecretProvider } from './identity-secret.provider';

@Module({
  providers: [CustomerRepository, CustomersService, identitySecretProvider],
  exports: [CustomersService],
})
export class CustomersModule {}
