import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DIGEST_CONTENT_SOURCE, DigestContent, DigestContentSource } from './content/digest-content.types';
import { buildDigestEmail, DigestEmail } from './email/digest-email.builder';
import { Subscriber } from './digest-subscribers.service';
import { UNSUBSCRIBE_PATH } from './unsubscribe-form.parser';
import { UnsubscribeTokens } from './unsubscribe-token';

export const UNSUBSCRIBE_TOKENS = Symbol('UNSUBSCRIBE_TOKENS');

/** A built digest: the content as data and the email made from it. */
export interface BuiltDigest {
  content: DigestContent;
  email: DigestEmail;
  unsubscribeUrl: string | null;
}

/** Builds one digest for one reader (their zone, slice and locale) or for everyone (UTC, no slice). */
@Injectable()
export class DigestService {
  constructor(
    @Inject(DIGEST_CONTENT_SOURCE) private readonly source: DigestContentSource,
    @Inject(UNSUBSCRIBE_TOKENS) private readonly tokens: UnsubscribeTokens,
    private readonly config: AppConfig,
  ) {}

  async build(week: string, subscriber: Subscriber | null): Promise<BuiltDigest> {
    const entity = subscriber?.entity;
    const content = await this.source.build({
      week,
      timeZone: entity?.timeZone ?? 'UTC',
      slice: entity?.slice ?? null,
    });
    const unsubscribeUrl = entity ? this.unsubscribeUrl(entity.id) : null;
    const email = await buildDigestEmail(content, { locale: entity?.locale ?? 'en-GB', unsubscribeUrl });
    return { content, email, unsubscribeUrl };
  }

  unsubscribeUrl(subscriberId: string): string {
    const base = this.config.publicUrl.replace(/\/$/, '');
    return `${base}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(this.tokens.sign(subscriberId))}`;
  }
}
