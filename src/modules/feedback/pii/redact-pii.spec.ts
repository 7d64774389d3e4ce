import { passesIbanCheck, passesLuhn } from './pii-checksums';
import { redactPii } from './redact-pii';

describe('redactPii', () => {
  it.each([
    ['email', 'Write to ana.lopez+shop@example.co.uk please', 'Write to [EMAIL] please', ['email']],
    ['email in parentheses', 'me (bob_99@mail.example.org).', 'me ([EMAIL]).', ['email']],
    ['international phone', 'Call me on +44 20 7946 0018 tomorrow', 'Call me on [PHONE] tomorrow', ['phone']],
    ['international 00 prefix', 'nummer 0049 30 1234567', 'nummer [PHONE]', ['phone']],
    ['international compact', 'my cell +14155552671', 'my cell [PHONE]', ['phone']],
    ['+44 (0) form', 'ring +44 (0)20 7946 0018', 'ring [PHONE]', ['phone']],
    ['US format', 'reach me at (415) 555-2671 after 5', 'reach me at [PHONE] after 5', ['phone']],
    ['US dashes', 'number 415-555-2671.', 'number [PHONE].', ['phone']],
    ['French national', 'mon portable 06 12 34 56 78 merci', 'mon portable [PHONE] merci', ['phone']],
    ['UK mobile', 'text 07700 900123 when here', 'text [PHONE] when here', ['phone']],
    ['German with slash', 'Tel: 030/1234567', 'Tel: [PHONE]', ['phone']],
    ['Dutch compact', 'bel 0612345678 aub', 'bel [PHONE] aub', ['phone']],
    ['bare number after phone word', 'phone is 5551234', 'phone is [PHONE]', ['phone']],
    ['Visa with spaces', 'charged 4111 1111 1111 1111 twice', 'charged [CARD] twice', ['card']],
    ['Mastercard with dashes', 'card 5555-5555-5555-4444', 'card [CARD]', ['card']],
    ['Amex grouping', 'amex 3782 822463 10005 declined', 'amex [CARD] declined', ['card']],
    ['compact Discover', 'used 6011111111111117', 'used [CARD]', ['card']],
    ['IBAN grouped', 'refund to GB82 WEST 1234 5698 7654 32 please', 'refund to [IBAN] please', ['iban']],
    ['IBAN compact lower-case', 'iban de89370400440532013000.', 'iban [IBAN].', ['iban']],
    ['IBAN with letters', 'FR14 2004 1010 0505 0001 3M02 606 ok', '[IBAN] ok', ['iban']],
    [
      'several kinds at once',
      'I am jo@x.io, card 4012888888881881, call +33 6 12 34 56 78',
      'I am [EMAIL], card [CARD], call [PHONE]',
      ['email', 'card', 'phone'],
    ],
  ])('redacts %s', (_name, input, expected, kinds) => {
    expect(redactPii(input)).toEqual({ text: expected, redacted: kinds });
  });

  it.each([
    ['order number with #', 'Order #123456789012 never arrived'],
    ['order number with word', 'order 0123456789 still missing'],
    ['order number 16 digits failing Luhn', 'Order 4111111111111112 was wrong'],
    ['reference', 'Ref: 0612345678 on the invoice'],
    ['tracking', 'tracking number 00340434161094042557'],
    ['ISO date', 'delivered on 2024-05-01 at 14:30'],
    ['European date', 'ordered 01.05.2024 10 items'],
    ['slash date', 'since 12/03/2024, nothing'],
    ['US date and time', 'at 5/14/2024 9:45 PM'],
    ['times', 'open 09:00-17:30 and 18:00'],
    ['prices', 'paid $1,299.99 and €49.00 then 1 299,00 kr'],
    ['large price', 'a 12500000 dollar company'],
    ['flight numbers', 'flight BA2490 then LH 400 and UA 1234'],
    ['percent and quantities', 'up 15% to 250000 users in 2024'],
    ['version and ids', 'app v2.14.3 build 20240501'],
    ['ticket', 'ticket 000123456 reopened'],
    ['order number is', 'my order number is 0612345678'],
    ['case number', 'case 07700900123 escalated'],
    ['IBAN with bad checksum', 'GB82 WEST 1234 5698 7654 33'],
    ['year range', 'customer 2019-2024'],
    ['plain sentence', 'No personal data here, just feelings.'],
  ])('keeps %s', (_name, input) => {
    expect(redactPii(input)).toEqual({ text: input, redacted: [] });
  });

  it('is fast on long clean texts and long dirty texts', () => {
    const clean = 'The delivery was late again and nobody answered. '.repeat(400); // ~20,000 chars
    const dirty = 'Order #123456789012 on 2024-05-01, call +44 20 7946 0018 or a@b.io. '.repeat(300);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 200; i++) redactPii(clean);
    for (let i = 0; i < 20; i++) redactPii(dirty);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(redactPii(dirty).redacted).toEqual(['email', 'phone']);
    expect(ms).toBeLessThan(2_000);
  });
});

describe('checksums', () => {
  it('Luhn accepts test cards and rejects one-digit changes', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('378282246310005')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('41111x1111111111')).toBe(false);
  });

  it('IBAN mod 97 accepts real examples and rejects typos', () => {
    expect(passesIbanCheck('GB82WEST12345698765432')).toBe(true);
    expect(passesIbanCheck('NL91ABNA0417164300')).toBe(true);
    expect(passesIbanCheck('GB82WEST12345698765433')).toBe(false);
    expect(passesIbanCheck('GB82')).toBe(false);
  });
});
