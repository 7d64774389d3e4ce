import { Module } from '@nestjs/common';
import { MailService } from './mail.service';

/** Outgoing email for any feature: SMTP when configured, an `.eml` outbox folder otherwise. */
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}
