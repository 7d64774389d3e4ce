import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const INFO = 'hearken/webhook-signing-secrets/v1';

/**
 * Encrypts webhook signing secrets at rest with AES-256-GCM. The key is derived (HKDF-SHA256) from an
 * install secret that lives outside the database, so a database dump alone does not reveal them. The
 * integration id is the associated data: a ciphertext copied to another row does not decrypt.
 */
export class WebhookSecretCipher {
  private readonly key: Buffer;

  constructor(installSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', installSecret, '', INFO, 32));
  }

  encrypt(secret: string, integrationId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(integrationId));
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws when the value was not made by this key for this integration. */
  decrypt(stored: string, integrationId: string): string {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined)
      throw new Error('Unknown webhook secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(integrationId));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

/** A Standard Webhooks signing secret: `whsec_` + base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}
