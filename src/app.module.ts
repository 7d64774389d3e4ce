import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { JobQueueModule } from './core/job-queue/job-queue.module';
import { MetricsModule } from './core/metrics/metrics.module';
import { OutboxModule } from './core/outbox/outbox.module';
import { RateLimitModule } from './core/rate-limit/rate-limit.module';
import { DatabaseModule } from './database/database.module';
import { AlertsModule } from './modules/alerts/alerts.module';
import { AnomaliesModule } from './modules/anomalies/anomalies.module';
import { AnalysisModule } from './modules/analysis/analysis.module';
import { ApiKeysModule } from './modules/api-keys/api-keys.module';
import { DigestModule } from './modules/digest/digest.module';
import { InsightsModule } from './modules/insights/insights.module';
import { IndicesModule } from './modules/indices/indices.module';
import { FeedbackModule } from './modules/feedback/feedback.module';
import { IntegrationsModule } from './modules/integrations/integrations.module';
import { CorrelationsModule } from './modules/correlations/correlations.module';
import { DriversModule } from './modules/drivers/drivers.module';
import { JourneyModule } from './modules/journey/journey.module';
import { OutcomesModule } from './modules/outcomes/outcomes.module';
import { HealthModule } from './modules/health/health.module';
import { PainPointsModule } from './modules/pain-points/pain-points.module';
import { TopicInsightsModule } from './modules/topic-insights/topic-insights.module';
import { SystemModule } from './modules/system/system.module';
import { VerbatimsModule } from './modules/verbatims/verbatims.module';

/** The whole app. The worker process boots the same module without HTTP. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        JobQueueModule.forRoot(),
        MetricsModule,
        OutboxModule,
        RateLimitModule,
        ApiKeysModule,
        FeedbackModule,
        AnalysisModule,
        OutcomesModule,
        JourneyModule,
        CorrelationsModule,
        DriversModule,
        InsightsModule,
        IndicesModule,
        IntegrationsModule,
        HealthModule,
        SystemModule,
        VerbatimsModule,
        AlertsModule,
        AnomaliesModule,
        PainPointsModule,
        TopicInsightsModule,
        DigestModule,
      ],
    };
  }
}
