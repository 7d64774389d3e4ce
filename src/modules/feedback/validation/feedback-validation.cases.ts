/**
 * Table shared by the fast-validator spec and the DTO agreement spec: each case is a raw item and
 * the fields that must be rejected (empty list = valid). Test-only; lives beside the code it pins down.
 */
export interface FeedbackValidationCase {
  name: string;
  raw: unknown;
  rejects: string[];
}

const hour = 60 * 60 * 1000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

const review = { kind: 'review', source: 'trustpilot', text: 'Fast delivery, great shoes.', rating: 5 };
const survey = { kind: 'survey_response', source: 'typeform', npsScore: 9 };
const mention = {
  kind: 'social_mention',
  source: 'brandwatch',
  platform: 'Reddit',
  text: 'Love these shoes',
};
const call = { kind: 'call_note', source: 'aircall', text: 'Customer asked about refund timing.' };

export const VALID_REVIEW = review;

/** The expected fields a result's errors fall under (an error on `customer.attributes.a` counts as `customer.attributes`). */
export function rejectedFields(errors: { field: string }[], expected: string[]): string[] {
  const under = (field: string, parent: string) => field === parent || field.startsWith(`${parent}.`);
  const fields = errors.map((error) => expected.find((parent) => under(error.field, parent)) ?? error.field);
  return [...new Set(fields)].sort();
}

export const FEEDBACK_VALIDATION_CASES: FeedbackValidationCase[] = [
  // valid items of every kind
  { name: 'minimal review', raw: review, rejects: [] },
  { name: 'review with rating only', raw: { kind: 'review', source: 'g2', rating: 4.5 }, rejects: [] },
  { name: 'review with text only', raw: { kind: 'review', source: 'g2', text: 'ok' }, rejects: [] },
  { name: 'review rating 8 of 10', raw: { ...review, rating: 8, scale: 10 }, rejects: [] },
  { name: 'survey with nps only', raw: survey, rejects: [] },
  {
    name: 'survey with text only',
    raw: { kind: 'survey_response', source: 'typeform', text: 'meh' },
    rejects: [],
  },
  { name: 'survey csat 9 of 10', raw: { ...survey, csat: 9, csatScale: 10, ces: 2 }, rejects: [] },
  {
    name: 'social mention',
    raw: { ...mention, author: '@ana', url: 'https://x.com/a/1', reach: 1200 },
    rejects: [],
  },
  {
    name: 'call note',
    raw: { ...call, agent: 'Priya', durationSeconds: 340, outcome: 'resolved' },
    rejects: [],
  },
  {
    name: 'every common field',
    raw: {
      ...review,
      externalId: 1234,
      channel: 'web',
      touchpoint: ' Checkout ',
      journeyStage: 'purchase',
      language: 'EN',
      occurredAt: '2025-03-04T10:00:00+01:00',
      customer: {
        externalId: 'c1',
        email: 'A@B.io',
        phone: '+44 20 7946 0018',
        segment: 'smb',
        attributes: { plan: 'pro', seats: 3 },
      },
      metadata: { campaign: 'spring', tags: ['a', 'b'], nested: { deep: { ok: true } } },
    },
    rejects: [],
  },
  { name: 'null optional fields are absent', raw: { ...review, title: null, customer: null }, rejects: [] },
  { name: 'date only', raw: { ...review, occurredAt: '2024-02-29' }, rejects: [] },
  { name: 'occurredAt 23 h ahead', raw: { ...review, occurredAt: iso(23 * hour) }, rejects: [] },
  { name: 'customer with segment only', raw: { ...review, customer: { segment: 'smb' } }, rejects: [] },

  // required fields and kinds
  { name: 'missing source', raw: { kind: 'review', rating: 3 }, rejects: ['source'] },
  { name: 'unknown kind', raw: { ...review, kind: 'tweet' }, rejects: ['kind'] },
  {
    name: 'review without text or rating',
    raw: { kind: 'review', source: 'g2', title: 'x' },
    rejects: ['text'],
  },
  {
    name: 'survey without answers',
    raw: { kind: 'survey_response', source: 'typeform', question: 'q' },
    rejects: ['text'],
  },
  {
    name: 'mention without platform',
    raw: { kind: 'social_mention', source: 'x', text: 'hi' },
    rejects: ['platform'],
  },
  {
    name: 'call note without text',
    raw: { kind: 'call_note', source: 'aircall', agent: 'Bo' },
    rejects: ['text'],
  },

  // wrong types and ranges
  { name: 'text as number', raw: { ...review, text: 42 }, rejects: ['text'] },
  { name: 'blank text', raw: { ...review, text: '   ' }, rejects: ['text'] },
  { name: 'rating as string', raw: { ...review, rating: '4' }, rejects: ['rating'] },
  { name: 'rating above scale', raw: { ...review, rating: 6 }, rejects: ['rating'] },
  { name: 'rating 4.3', raw: { ...review, rating: 4.3 }, rejects: ['rating'] },
  { name: 'rating 0', raw: { ...review, rating: 0 }, rejects: ['rating'] },
  { name: 'nps 11', raw: { ...survey, npsScore: 11 }, rejects: ['npsScore'] },
  { name: 'nps 7.5', raw: { ...survey, npsScore: 7.5 }, rejects: ['npsScore'] },
  { name: 'csat above default scale', raw: { ...survey, csat: 7 }, rejects: ['csat'] },
  { name: 'ces 8', raw: { ...survey, ces: 8 }, rejects: ['ces'] },
  { name: 'negative reach', raw: { ...mention, reach: -1 }, rejects: ['reach'] },
  { name: 'ftp url', raw: { ...mention, url: 'ftp://x.org/a' }, rejects: ['url'] },
  { name: 'unknown outcome', raw: { ...call, outcome: 'happy' }, rejects: ['outcome'] },
  { name: 'unknown channel', raw: { ...review, channel: 'pigeon' }, rejects: ['channel'] },
  { name: 'unknown journey stage', raw: { ...review, journeyStage: 'afterlife' }, rejects: ['journeyStage'] },
  { name: 'source not a slug', raw: { ...review, source: 'Trust Pilot' }, rejects: ['source'] },
  { name: 'language not ISO 639-1', raw: { ...review, language: 'english' }, rejects: ['language'] },
  { name: 'language unknown code', raw: { ...review, language: 'qq' }, rejects: ['language'] },
  { name: 'text over 20000 chars', raw: { ...review, text: 'a'.repeat(20_001) }, rejects: ['text'] },
  { name: 'bad email', raw: { ...review, customer: { email: 'not-an-email' } }, rejects: ['customer.email'] },
  { name: 'bad phone', raw: { ...review, customer: { phone: '12' } }, rejects: ['customer.phone'] },
  {
    name: 'attribute object',
    raw: { ...review, customer: { segment: 's', attributes: { a: { b: 1 } } } },
    rejects: ['customer.attributes'],
  },

  // unknown fields
  { name: 'unknown top-level field', raw: { ...review, stars: 5 }, rejects: ['stars'] },
  { name: 'field of another kind', raw: { ...review, npsScore: 9 }, rejects: ['npsScore'] },
  {
    name: 'unknown customer field',
    raw: { ...review, customer: { email: 'a@b.io', name: 'Ana' } },
    rejects: ['customer.name'],
  },

  // shapes
  { name: 'array root', raw: [review], rejects: ['(root)'] },
  { name: 'string root', raw: 'review', rejects: ['(root)'] },
  { name: 'null root', raw: null, rejects: ['(root)'] },
  { name: 'empty root', raw: {}, rejects: ['(root)'] },
  { name: 'customer array', raw: { ...review, customer: [{ email: 'a@b.io' }] }, rejects: ['customer'] },
  { name: 'customer string', raw: { ...review, customer: 'a@b.io' }, rejects: ['customer'] },
  { name: 'empty customer', raw: { ...review, customer: {} }, rejects: ['customer'] },
  { name: 'metadata array', raw: { ...review, metadata: [1, 2] }, rejects: ['metadata'] },
  { name: 'empty metadata', raw: { ...review, metadata: {} }, rejects: ['metadata'] },
  {
    name: 'metadata over 4 KB',
    raw: { ...review, metadata: { blob: 'x'.repeat(5000) } },
    rejects: ['metadata'],
  },
  { name: 'metadata 4 levels', raw: { ...review, metadata: { a: { b: { c: { d: 1 } } } } }, rejects: [] },
  {
    name: 'metadata too deep',
    raw: { ...review, metadata: { a: { b: { c: { d: { e: 1 } } } } } },
    rejects: ['metadata.a.b.c.d'],
  },

  // hostile input
  {
    name: '__proto__ key',
    raw: JSON.parse('{"kind":"review","source":"x","text":"t","__proto__":{"admin":true}}'),
    rejects: ['__proto__'],
  },
  {
    name: 'constructor in customer',
    raw: { ...review, customer: { constructor: { prototype: 1 } } },
    rejects: ['customer.constructor'],
  },
  {
    name: 'prototype in metadata',
    raw: { ...review, metadata: { x: { prototype: 1 } } },
    rejects: ['metadata.x.prototype'],
  },
  { name: 'lone surrogate in text', raw: { ...review, text: 'bad \ud800 text' }, rejects: ['text'] },
  { name: 'NUL in title', raw: { ...review, title: 'a\u0000b' }, rejects: ['title'] },
  {
    name: 'lone surrogate in customer',
    raw: { ...review, customer: { segment: '\udc00' } },
    rejects: ['customer.segment'],
  },

  // dates
  {
    name: 'occurredAt 3 days ahead',
    raw: { ...review, occurredAt: iso(72 * hour) },
    rejects: ['occurredAt'],
  },
  {
    name: 'occurredAt year 3000',
    raw: { ...review, occurredAt: '3000-01-01T00:00:00Z' },
    rejects: ['occurredAt'],
  },
  { name: 'occurredAt unparseable', raw: { ...review, occurredAt: 'yesterday' }, rejects: ['occurredAt'] },
  { name: 'occurredAt 31 February', raw: { ...review, occurredAt: '2024-02-31' }, rejects: ['occurredAt'] },
  {
    name: 'occurredAt as epoch number',
    raw: { ...review, occurredAt: 1714000000000 },
    rejects: ['occurredAt'],
  },
  { name: 'occurredAt 1970', raw: { ...review, occurredAt: '1970-01-02' }, rejects: ['occurredAt'] },
];
