import { Module } from '@nestjs/common';
import { CorrelationsController } from './correlations.controller';
import { CorrelationsService } from './correlations.service';
import { CustomerFactsRepository } from './customer-facts.repository';

/** GET /api/v1/correlations: sentiment against NPS, churn and referring, per customer. */
@Module({
  controllers: [CorrelationsController],
  providers: [CorrelationsService, CustomerFactsRepository],
})
export class CorrelationsModule {}
