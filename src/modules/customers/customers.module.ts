import { Module } from '@nestjs/common';
import { RollupsModule } from '../rollups/rollups.module';
import { CustomerRepository } from './customer.repository';
import { CustomersService } from './customers.service';
import { IDENTITY_SECRET, identitySecretProvider } from './identity-secret.provider';

@Module({
  imports: [RollupsModule],
  providers: [CustomerRepository, CustomersService, identitySecretProvider],
  exports: [CustomersService, IDENTITY_SECRET],
})
export class CustomersModule {}
