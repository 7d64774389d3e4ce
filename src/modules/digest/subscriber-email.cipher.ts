import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/**
 * Subscriber addresses and names at rest: AES-256-GCM with the subscriber id as associated data (a ciphertext copied
 * to another row does not decrypt), and an HMAC-SHA256 of the lower-cased address for uniqueness. Both keys
 * are derived (HKDF) from the install secret, which lives outside the database: a dump alone reveals no address.
 */
export class SubscriberEmailCipher {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(installSecret: string) {
    this.encryptionKey = Buffer.from(hkdfSync('sha256', installSecret, '', 'hearken/digest-email/v1', 32));
    this.hashKey = Buffer.from(hkdfSync('sha256', installSecret, '', 'hearken/digest-email-hash/v1', 32));
  }

  /** `field` joins the id as associated data, so a name's ciphertext cannot pose as the address. */
  encrypt(value: string, subscriberId: string, field: 'email' | 'name' = 'email'): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(`${field}:${subscriberId}`));
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return [VERSION, ...[iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'))].join('.');
  }

  /** Throws when the value was not made by this key for this subscriber. */
  decrypt(stored: string, subscriberId: string, field: 'email' | 'name' = 'email'): string {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('Unknown email format');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(`${field}:${subscriberId}`));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  hash(email: string): string {
    return createHmac('sha256', this.hashKey).update(email.trim().toLowerCase()).digest('hex');
  }
}
