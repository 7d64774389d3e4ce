import { Module } from '@nestjs/common';
import { IdempotencyService } from '../../core/http/idempotency.service';
import { CustomersModule } from '../customers/customers.module';
import { RollupsModule } from '../rollups/rollups.module';
import { OutcomeIngestionService } from './outcome-ingestion.service';
import { OutcomeRepository } from './outcome.repository';
import { OutcomesController } from './outcomes.controller';
import { OutcomesService } from './outcomes.service';

/** Outcome events (referrals, lifecycle, retention figures) tied to the same customers as feedback. */
@Module({
  imports: [CustomersModule, RollupsModule],
  controllers: [OutcomesController],
  providers: [OutcomeRepository, OutcomesService, OutcomeIngestionService, IdempotencyService],
  exports: [OutcomesService, OutcomeIngestionService],
})
export class OutcomesModule {}
