import { Module } from '@nestjs/common';
import { MailModule } from '../../core/mail/mail.module';
import { CustomersModule } from '../customers/customers.module';
import { IDENTITY_SECRET } from '../customers/identity-secret.provider';
import { AnalysisModule } from '../analysis/analysis.module';
import { AnomaliesModule } from '../anomalies/anomalies.module';
import { DriversModule } from '../drivers/drivers.module';
import { IndicesModule } from '../indices/indices.module';
import { PainPointsModule } from '../pain-points/pain-points.module';
import { RollupsModule } from '../rollups/rollups.module';
import { DIGEST_CONTENT_SOURCE } from './content/digest-content.types';
import { DigestContentRepository } from './content/digest-content.repository';
import { DigestDriverReader } from './content/digest-driver.reader';
import { DigestIndicesReader } from './content/digest-indices.reader';
import { DigestMoverReader } from './content/digest-mover.reader';
import { DigestNewsReader } from './content/digest-news.reader';
import { DigestPainPointsReader } from './content/digest-pain-points.reader';
import { InsightsDigestContentSource } from './content/insights-digest-content.source';
import { DigestDeliveryService } from './delivery/digest-delivery.service';
import { DigestScheduleService } from './delivery/digest-schedule.service';
import { DigestController } from './digest.controller';
import { DigestDeliveryRepository } from './digest-delivery.repository';
import { DigestRendererWarmupService } from './digest-renderer-warmup.service';
import { DigestService, UNSUBSCRIBE_TOKENS } from './digest.service';
import { DigestSubscriberRepository } from './digest-subscriber.repository';
import { DigestSubscribersController } from './digest-subscribers.controller';
import { DigestSubscribersService, SUBSCRIBER_EMAIL_CIPHER } from './digest-subscribers.service';
import { DigestUnsubscribeController } from './digest-unsubscribe.controller';
import { CheckDueDigestsJob } from './jobs/check-due-digests.job';
import { PrecomputeDigestJob } from './jobs/precompute-digest.job';
import { SendDigestJob } from './jobs/send-digest.job';
import { DigestPrecomputeService } from './precompute/digest-precompute.service';
import { DigestWeekPartRepository } from './precompute/digest-week-part.repository';
import { DigestWeekPartsService } from './precompute/digest-week-parts.service';
import { SubscriberEmailCipher } from './subscriber-email.cipher';
import { UnsubscribeFormParser } from './unsubscribe-form.parser';
import { UnsubscribeTokens } from './unsubscribe-token';

/**
 * The weekly digest for leadership: subscribers, content (from the insights query layer), charts, the email,
 * and its once-per-subscriber-week delivery. Address encryption and unsubscribe signatures use keys derived
 * from the install's identity secret.
 */
@Module({
  imports: [
    AnalysisModule,
    AnomaliesModule,
    CustomersModule,
    DriversModule,
    IndicesModule,
    MailModule,
    PainPointsModule,
    RollupsModule,
  ],
  controllers: [DigestSubscribersController, DigestUnsubscribeController, DigestController],
  providers: [
    {
      provide: SUBSCRIBER_EMAIL_CIPHER,
      inject: [IDENTITY_SECRET],
      useFactory: (secret: string) => new SubscriberEmailCipher(secret),
    },
    {
      provide: UNSUBSCRIBE_TOKENS,
      inject: [IDENTITY_SECRET],
      useFactory: (secret: string) => new UnsubscribeTokens(secret),
    },
    { provide: DIGEST_CONTENT_SOURCE, useClass: InsightsDigestContentSource },
    DigestContentRepository,
    DigestDriverReader,
    DigestIndicesReader,
    DigestMoverReader,
    DigestNewsReader,
    DigestPainPointsReader,
    DigestSubscriberRepository,
    DigestDeliveryRepository,
    DigestSubscribersService,
    DigestService,
    DigestRendererWarmupService,
    DigestDeliveryService,
    DigestScheduleService,
    CheckDueDigestsJob,
    SendDigestJob,
    DigestWeekPartRepository,
    DigestWeekPartsService,
    DigestPrecomputeService,
    PrecomputeDigestJob,
    UnsubscribeFormParser,
  ],
  exports: [DigestService],
})
export class DigestModule {}
