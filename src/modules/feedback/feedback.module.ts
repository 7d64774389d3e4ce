import { Module } from '@nestjs/common';
import { IdempotencyService } from '../../core/http/idempotency.service';
import { CustomersModule } from '../customers/customers.module';
import { CustomerFeedbackController } from './customer-feedback.controller';
import { FeedbackController } from './feedback.controller';
import { FeedbackIngestionService } from './feedback-ingestion.service';
import { FeedbackRepository } from './feedback.repository';
import { FeedbackService } from './feedback.service';

@Module({
  imports: [CustomersModule],
  controllers: [FeedbackController, CustomerFeedbackController],
  providers: [FeedbackRepository, FeedbackService, FeedbackIngestionService, IdempotencyService],
  exports: [FeedbackService, FeedbackIngestionService],
})
export class FeedbackModule {}
