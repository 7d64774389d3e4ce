import { Module } from '@nestjs/common';
import { FeedbackModule } from '../feedback/feedback.module';
import { CustomersModule } from '../customers/customers.module';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { IDENTITY_SECRET } from '../customers/identity-secret.provider';
import { IntegrationRepository } from './integration.repository';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsService, WEBHOOK_SECRET_CIPHER } from './integrations.service';
import { WebhookReceiverService } from './webhook-receiver.service';
import { WebhookSecretCipher } from './webhook-secret.cipher';
import { WebhooksController } from './webhooks.controller';

/**
 * Signed webhooks from outside tools. The secret cipher's key is derived from the install's identity secret.
 */
@Module({
  imports: [FeedbackModule, CustomersModule, OutcomesModule],
  controllers: [IntegrationsController, WebhooksController],
  providers: [
    {
      provide: WEBHOOK_SECRET_CIPHER,
      inject: [IDENTITY_SECRET],
      useFactory: (secret: string) => new WebhookSecretCipher(secret),
    },
    IntegrationRepository,
    IntegrationsService,
    WebhookReceiverService,
  ],
  exports: [IntegrationsService],
})
export class IntegrationsModule {}
