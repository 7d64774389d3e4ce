import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module';
import { IDENTITY_SECRET } from '../customers/identity-secret.provider';
import { WebhookSecretCipher } from '../integrations/webhook-secret.cipher';
import { AlertDeliveryService } from './alert-delivery.service';
import { AlertSubscriptionsController } from './alert-subscriptions.controller';
import { AlertsRepository } from './alerts.repository';
import { ALERT_SECRET_CIPHER, AlertsService } from './alerts.service';
import { DeliverAlertJob } from './jobs/deliver-alert.job';

/** Alert subscriptions; their secrets are encrypted with a key derived from the install's identity secret. */
@Module({
  imports: [CustomersModule],
  controllers: [AlertSubscriptionsController],
  providers: [
    {
      provide: ALERT_SECRET_CIPHER,
      inject: [IDENTITY_SECRET],
      useFactory: (secret: string) => new WebhookSecretCipher(secret),
    },
    AlertsRepository,
    AlertsService,
    AlertDeliveryService,
    DeliverAlertJob,
  ],
  exports: [AlertsService],
})
export class AlertsModule {}
