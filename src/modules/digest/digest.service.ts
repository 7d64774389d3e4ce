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

/** Stands in for the reader's own unsubscribe link in a cached email. */
const LINK_PLACEHOLDER = 'https://unsubscribe.invalid/hearken-digest-link';
/** Readers who share a view (week, zone, slice, locale) share one build for this long. */
const CACHE_MS = 5 * 60_000;
const CACHE_MAX = 200;

/**
 * Builds one digest for one reader (their zone, slice and locale) or for everyone (UTC, no slice). A thousand
 * readers of the same view cost one build: content, charts and HTML are made once and only the
 * unsubscribe link differs.
 */
@Injectable()
export class DigestService {
  private readonly cache = new Map<
    string,
    { at: number; built: Promise<Omit<BuiltDigest, 'unsubscribeUrl'>> }
  >();

  constructor(
    @Inject(DIGEST_CONTENT_SOURCE) private readonly source: DigestContentSource,
    @Inject(UNSUBSCRIBE_TOKENS) private readonly tokens: UnsubscribeTokens,
    private readonly config: AppConfig,
  ) {}

  async build(week: string, subscriber: Subscriber | null): Promise<BuiltDigest> {
    const entity = subscriber?.entity;
    const view = { week, timeZone: entity?.timeZone ?? 'UTC', slice: entity?.slice ?? null };
    const locale = entity?.locale ?? 'en-GB';
    if (!entity) {
      const content = await this.source.build(view);
      return {
        content,
        email: await buildDigestEmail(content, { locale, unsubscribeUrl: null }),
        unsubscribeUrl: null,
      };
    }
    const { content, email } = await this.cached(JSON.stringify([view, locale]), async () => {
      const built = await this.source.build(view);
      return {
        content: built,
        email: await buildDigestEmail(built, { locale, unsubscribeUrl: LINK_PLACEHOLDER }),
      };
    });
    const unsubscribeUrl = this.unsubscribeUrl(entity.id);
    const personal = (s: string) => s.split(LINK_PLACEHOLDER).join(unsubscribeUrl);
    return {
      content,
      email: { ...email, html: personal(email.html), text: personal(email.text) },
      unsubscribeUrl,
    };
  }

  private cached(
    key: string,
    make: () => Promise<Omit<BuiltDigest, 'unsubscribeUrl'>>,
  ): Promise<Omit<BuiltDigest, 'unsubscribeUrl'>> {
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < CACHE_MS) return hit.built;
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    const built = make();
    this.cache.set(key, { at: now, built });
    built.catch(() => this.cache.delete(key)); // a failed build is not kept
    return built;
  }

  unsubscribeUrl(subscriberId: string): string {
    const base = this.config.publicUrl.replace(/\/$/, '');
    return `${base}${UNSUBSCRIBE_PATH}?token=${encodeURIComponent(this.tokens.sign(subscriberId))}`;
  }
}
