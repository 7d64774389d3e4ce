import type { FeedbackInput } from '../dto/feedback-input.type';
import { redactFeedbackFields } from './redact-feedback-fields';
import { redactPii } from './redact-pii';

const base = { source: 's', channel: 'web', occurredAt: new Date(0) } as const;

describe('redactFeedbackFields', () => {
  it('redacts every free-text field, metadata and customer attributes at any depth', () => {
    const input = {
      ...base,
      kind: 'review',
      text: 'mail me at a@b.io',
      title: 'card 4111 1111 1111 1111',
      product: 'for jo@x.io',
      touchpoint: 'call +44 20 7946 0018',
      metadata: {
        note: 'ана@пример.рф',
        'ceo@corp.com': 1,
        nested: { list: ['GB82 WEST 1234 5698 7654 32'] },
      },
      customer: {
        email: 'kept@for-hashing.io',
        segment: 'vip jo@x.io',
        attributes: { contact: 'bob@example.org', age: 40 },
      },
    } as FeedbackInput;
    const r = redactFeedbackFields(input);
    if (!r.ok) throw new Error('refused');
    const stored = JSON.stringify(r.input);
    expect(stored).not.toMatch(/a@b|4111|jo@x|7946|ана|ceo@|GB82|bob@/);
    expect(r.input).toMatchObject({
      text: 'mail me at [EMAIL]',
      title: 'card [CARD]',
      touchpoint: 'call [PHONE]',
      metadata: { note: '[EMAIL]', '[EMAIL]': 1, nested: { list: ['[IBAN]'] } },
      customer: {
        email: 'kept@for-hashing.io',
        segment: 'vip [EMAIL]',
        attributes: { contact: '[EMAIL]', age: 40 },
      },
    });
    expect(r.redacted).toEqual(['email', 'iban', 'card', 'phone']);
  });

  it.each([
    ['survey_response', 'question', 'q to x@y.com'],
    ['social_mention', 'author', 'by x@y.com'],
    ['call_note', 'agent', 'agent +1 415 555 2671'],
  ])('redacts the %s field %s', (kind, field, value) => {
    const r = redactFeedbackFields({
      ...base,
      kind,
      platform: 'x',
      [field]: value,
    } as unknown as FeedbackInput);
    expect(r.ok && (r.input as unknown as Record<string, string>)[field]).toMatch(/\[(EMAIL|PHONE)\]/);
  });

  it.each([
    ['externalId', 'jane@example.com'],
    ['externalId', '4111-1111-1111-1111'],
    ['externalId', '+44 20 7946 0018'],
    ['externalId', '38fcc469-5023-4152-926d-6f04cd0596df jane@example.com'],
    ['surveyId', 'ана@пример.рф'],
  ])('refuses PII in the identifier %s (%s)', (field, value) => {
    const r = redactFeedbackFields({ ...base, kind: 'survey_response', [field]: value } as FeedbackInput);
    expect(r).toEqual({ ok: false, errors: [{ field, reason: expect.stringMatching(/personal data/) }] });
  });

  it.each([
    '4111111111111111',
    '20794609580',
    'AbC-123',
    'msg_01HZY',
    // UUIDs whose digits the PII patterns took for a card, a phone number and an IBAN
    '38fcc469-5023-4152-926d-6f04cd0596df',
    '09981796-0626-4a55-b669-04d2f2b0a71f',
    'fd0436cc-e5b5-4c71-a166-f2ba12e2acd4',
    'order-09981796-0626-4a55-b669-04d2f2b0a71f',
  ])('keeps the id %s', (id) => {
    const r = redactFeedbackFields({ ...base, kind: 'review', externalId: id } as FeedbackInput);
    expect(r.ok && r.input.externalId).toBe(id);
  });
});

describe('internationalised emails', () => {
  it.each([
    ['Cyrillic', 'пишите ана@пример.рф сегодня', 'пишите [EMAIL] сегодня'],
    ['accented local part', 'josé.müller@exämple.de.', '[EMAIL].'],
    ['punycode TLD', 'write to ana@xn--e1afmkfd.xn--p1ai now', 'write to [EMAIL] now'],
    ['CJK', '连系 用户@例子.广告 谢谢', '连系 [EMAIL] 谢谢'],
  ])('redacts a %s address', (_what, text, expected) => {
    expect(redactPii(text)).toEqual({ text: expected, redacted: ['email'] });
  });
});
