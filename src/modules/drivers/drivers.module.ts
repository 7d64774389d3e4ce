import { Module } from '@nestjs/common';
import { CustomerFactsRepository } from '../correlations/customer-facts.repository';
import { DriverFactsRepository } from './driver-facts.repository';
import { DriversController } from './drivers.controller';
import { DriversService } from './drivers.service';

/** GET /api/v1/drivers: which topics drive NPS, churn and referring. */
@Module({
  controllers: [DriversController],
  providers: [DriversService, DriverFactsRepository, CustomerFactsRepository],
  exports: [DriversService],
})
export class DriversModule {}
