import { Module } from '@nestjs/common';
import { FeedbackModule } from '../feedback/feedback.module';
import { IDENTITY_SECRET, identitySecretProvider } from '../customers/identity-secret.provider';
import { IntegrationRepository } from './integration.repository';
import { IntegrationsController } from './integrations.controller';
import { IntegrationsService, WEBHOOK_SECRET_CIPHER } from './integrations.service';
import { WebhookReceiverService } from './webhook-receiver.service';
import { WebhookSecretCipher } from './webhook-secret.cipher';
import { WebhooksController } from './webhooks.controller';

/**
 * Signed webhooks from outside tools. The secret cipher's key comes from the install's identity secret;
 * CustomersModule does not export that provider, so its (deterministic) factory is registered here too.
 */
@Module({
  imports: [FeedbackModule],
  controllers: [IntegrationsController, WebhooksController],
  providers: [
    identitySecretProvider,
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
