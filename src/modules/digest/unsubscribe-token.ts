import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'digest-unsubscribe:v1:';

/**
 * One-click unsubscribe links: `<subscriberId>.<HMAC>` signed with a key derived from the install secret.
 * No expiry on purpose: an unsubscribe link in an old email must still work (RFC 8058 asks for that).
 */
export class UnsubscribeTokens {
  private readonly key: Buffer;

  constructor(installSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', installSecret, '', 'hearken/digest-unsubscribe/v1', 32));
  }

  sign(subscriberId: string): string {
    return `${subscriberId}.${this.mac(subscriberId).toString('base64url')}`;
  }

  /** The subscriber id the token was made for, or null when it was not made with this key. */
  verify(token: string): string | null {
    const dot = token.lastIndexOf('.');
    if (dot <= 0 || token.length > 200) return null;
    const id = token.slice(0, dot);
    const given = Buffer.from(token.slice(dot + 1), 'base64url');
    const expected = this.mac(id);
    return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
  }

  private mac(subscriberId: string): Buffer {
    return createHmac('sha256', this.key)
      .update(PURPOSE + subscriberId)
      .digest();
  }
}
