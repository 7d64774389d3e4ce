import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, WebhookSecretCipher } from './webhook-secret.cipher';

describe('WebhookSecretCipher', () => {
  const cipher = new WebhookSecretCipher('install-secret-0123456789abcdef');
  const secret = generateWebhookSecret();

  it('round-trips a secret without storing it in clear', () => {
    const stored = cipher.encrypt(secret, 'integration-a');
    expect(stored).not.toContain(secret.slice(6));
    expect(stored).not.toBe(cipher.encrypt(secret, 'integration-a'));
    expect(cipher.decrypt(stored, 'integration-a')).toBe(secret);
  });

  it('refuses another integration, another install key or a tampered value', () => {
    const stored = cipher.encrypt(secret, 'integration-a');
    expect(() => cipher.decrypt(stored, 'integration-b')).toThrow();
    expect(() =>
      new WebhookSecretCipher('another-install-secret-000000').decrypt(stored, 'integration-a'),
    ).toThrow();
    const parts = stored.split('.');
    parts[3] = Buffer.from('x'.repeat(10)).toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'integration-a')).toThrow();
    expect(() => cipher.decrypt('plain', 'integration-a')).toThrow(/format/);
  });

  it('makes Standard Webhooks secrets the package accepts', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const webhook = new Webhook(secret);
    const signature = webhook.sign('msg_1', new Date(), '{"a":1}');
    expect(() =>
      webhook.verify('{"a":1}', {
        'webhook-id': 'msg_1',
        'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
        'webhook-signature': signature,
      }),
    ).not.toThrow();
  });
});
