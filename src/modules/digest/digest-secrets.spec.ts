import { SubscriberEmailCipher } from './subscriber-email.cipher';
import { UnsubscribeTokens } from './unsubscribe-token';

const SECRET = 'an-install-secret-of-some-length';

describe('SubscriberEmailCipher', () => {
  const cipher = new SubscriberEmailCipher(SECRET);

  it('round-trips, never stores the address in clear, and binds it to its row', () => {
    const stored = cipher.encrypt('Ana@Example.com', 'sub-1');
    expect(stored).not.toContain('Ana');
    expect(cipher.decrypt(stored, 'sub-1')).toBe('Ana@Example.com');
    expect(() => cipher.decrypt(stored, 'sub-2')).toThrow();
    expect(() =>
      new SubscriberEmailCipher('another-secret-of-some-length').decrypt(stored, 'sub-1'),
    ).toThrow();
  });

  it('hashes case-insensitively with a keyed hash', () => {
    expect(cipher.hash(' ana@example.com ')).toBe(cipher.hash('ANA@example.com'));
    expect(cipher.hash('ana@example.com')).not.toBe(
      new SubscriberEmailCipher('x'.repeat(32)).hash('ana@example.com'),
    );
    expect(cipher.hash('ana@example.com')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('UnsubscribeTokens', () => {
  const tokens = new UnsubscribeTokens(SECRET);

  it('verifies its own tokens and refuses forged or altered ones', () => {
    const token = tokens.sign('0190-abc');
    expect(tokens.verify(token)).toBe('0190-abc');
    expect(tokens.verify(token.replace('0190-abc', '0190-abd'))).toBeNull();
    expect(tokens.verify(`${token}x`)).toBeNull();
    expect(tokens.verify('0190-abc')).toBeNull();
    expect(new UnsubscribeTokens('another-secret-of-some-length').verify(token)).toBeNull();
  });
});
