import { createHmac } from 'node:crypto';
import { identityKeys, normaliseExternalId } from './identity-keys';
import { normaliseEmail } from './normalise-email';
import { normalisePhone } from './normalise-phone';

const SECRET = 'test-secret-0123456789abcdef';

describe('normaliseEmail', () => {
  it.each([
    [' Ana.Lopez@Example.COM ', 'ana.lopez@example.com'],
    ['ana+shop@example.com', 'ana+shop@example.com'],
    ['Ana.Lopez+promo@gmail.com', 'analopez@gmail.com'],
    ['a.n.a@googlemail.com', 'ana@gmail.com'],
    ['not an email', undefined],
    ['@gmail.com', undefined],
    ['+tag@gmail.com', undefined],
  ])('%s → %s', (raw, expected) => expect(normaliseEmail(raw)).toBe(expected));
});

describe('normalisePhone', () => {
  it.each([
    ['+44 20 7946 0018', {}, '+442079460018'],
    ['+44 (0)20 7946 0018', {}, '+442079460018'],
    ['0044 20 7946 0018', {}, '+442079460018'],
    ['020 7946 0018', { defaultCountry: 'GB' }, '+442079460018'],
    ['020 7946 0018', { defaultCountry: '+44' }, '+442079460018'],
    ['06 12 34 56 78', { defaultCountry: 'fr' }, '+33612345678'],
    ['(415) 555-2671', { defaultCountry: 'US' }, '+14155552671'],
    ['1-415-555-2671', { defaultCountry: 'US' }, '+14155552671'],
    ['06 1234 5678', { defaultCountry: 'IT' }, '+390612345678'],
    ['020 7946 0018', {}, '02079460018'],
    ['+44 12', {}, undefined],
    ['call me', {}, undefined],
    ['555-2671', { defaultCountry: 'US' }, undefined],
  ])('%s %j → %s', (raw, options, expected) => expect(normalisePhone(raw, options)).toBe(expected));

  it('rejects an unknown default country loudly (a configuration error)', () => {
    expect(() => normalisePhone('0123456789', { defaultCountry: 'XX' })).toThrow(/Unknown default country/);
  });
});

describe('identityKeys', () => {
  it('hashes each identifier with HMAC-SHA256 of kind:value', () => {
    const keys = identityKeys(
      { email: ' Ana@Example.com', phone: '+44 20 7946 0018', externalId: 'C-9' },
      'Zendesk',
      SECRET,
    );
    const expected = (value: string) => createHmac('sha256', SECRET).update(value).digest('hex');
    expect(keys).toEqual([
      { kind: 'email', hash: expected('email:ana@example.com') },
      { kind: 'phone', hash: expected('phone:+442079460018') },
      { kind: 'external', hash: expected('external:zendesk:C-9') },
    ]);
    for (const key of keys) expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches the same person written differently, never across sources for external ids', () => {
    const a = identityKeys({ email: 'Jo.Doe+x@gmail.com', phone: '020 7946 0018' }, 'typeform', SECRET, {
      defaultCountry: 'GB',
    });
    const b = identityKeys({ email: 'jodoe@googlemail.com', phone: '+44 20 7946 0018' }, 'zendesk', SECRET);
    expect(a).toEqual(b);
    const c = identityKeys({ externalId: '42' }, 'typeform', SECRET);
    const d = identityKeys({ externalId: '42' }, 'zendesk', SECRET);
    expect(c[0].hash).not.toBe(d[0].hash);
  });

  it('depends on the secret and never contains the plain value', () => {
    const one = identityKeys({ email: 'ana@example.com' }, 's', SECRET);
    const two = identityKeys({ email: 'ana@example.com' }, 's', `${SECRET}x`);
    expect(one[0].hash).not.toBe(two[0].hash);
    expect(JSON.stringify(one)).not.toContain('ana');
  });

  it('skips identifiers that do not normalise and refuses an empty secret', () => {
    expect(identityKeys({ email: 'nope', phone: '12' }, 's', SECRET)).toEqual([]);
    expect(normaliseExternalId('s', '  ')).toBeUndefined();
    expect(() => identityKeys({ email: 'a@b.io' }, 's', '')).toThrow();
  });
});
