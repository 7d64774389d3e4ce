import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { FeedbackModule } from '../feedback/feedback.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { JourneyAnalysisRepository } from './journey-analysis.repository';
import { JourneyController } from './journey.controller';
import { JourneyService } from './journey.service';

/** GET /api/v1/customers/:id/journey: feedback and outcomes of one customer on one timeline. */
@Module({
  imports: [CustomersModule, FeedbackModule, OutcomesModule],
  controllers: [JourneyController],
  providers: [JourneyService, JourneyAnalysisRepository],
})
export class JourneyModule {}
