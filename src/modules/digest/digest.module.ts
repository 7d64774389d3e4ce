import { Module } from '@nestjs/common';
import { MailModule } from '../../core/mail/mail.module';
import { CustomersModule } from '../customers/customers.module';
import { IDENTITY_SECRET } from '../customers/identity-secret.provider';
import { DigestSubscriberRepository } from './digest-subscriber.repository';
import { DigestSubscribersController } from './digest-subscribers.controller';
import { DigestSubscribersService, SUBSCRIBER_EMAIL_CIPHER } from './digest-subscribers.service';
import { DigestUnsubscribeController, UNSUBSCRIBE_TOKENS } from './digest-unsubscribe.controller';
import { SubscriberEmailCipher } from './subscriber-email.cipher';
import { UnsubscribeFormParser } from './unsubscribe-form.parser';
import { UnsubscribeTokens } from './unsubscribe-token';

/**
 * The weekly digest for leadership: subscribers, content, charts, the email, and its once-per-week delivery.
 * Address encryption and unsubscribe signatures use keys derived from the install's identity secret.
 */
@Module({
  imports: [CustomersModule, MailModule],
  controllers: [DigestSubscribersController, DigestUnsubscribeController],
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
    DigestSubscriberRepository,
    DigestSubscribersService,
    UnsubscribeFormParser,
  ],
})
export class DigestModule {}
