import { applyFieldMapping, selectItems } from './apply-field-mapping';
import { validateFieldMapping } from './validate-field-mapping';

describe('validateFieldMapping', () => {
  it('accepts every supported target and spec form', () => {
    expect(
      validateFieldMapping(
        {
          text: '$.body',
          npsScore: { path: '$.score', map: { promoter: 10 }, default: 5 },
          'customer.email': '$.who.mail',
          'customer.attributes.plan': '$.plan',
          'metadata.ticket.id': '$.id',
        },
        { kind: 'survey_response', source: 'zendesk' },
      ),
    ).toEqual([]);
  });

  it('reports each bad target, path and spec by its target', () => {
    const errors = validateFieldMapping(
      {
        stars: '$.x',
        'customer.name': '$.n',
        'metadata.__proto__': '$.p',
        text: 'body',
        title: { path: '$.t', mapping: {} },
        rating: { path: '$.r', map: { a: { nested: 1 } } },
        product: 42,
      },
      { 'customer.password': 'x' },
    );
    expect(errors.map((error) => error.field)).toEqual([
      'stars',
      'customer.name',
      'metadata.__proto__',
      'text',
      'title',
      'rating',
      'product',
      'customer.password',
    ]);
    expect(validateFieldMapping(['$.a'])).toEqual([{ field: '(mapping)', reason: expect.any(String) }]);
  });
});

describe('applyFieldMapping', () => {
  const payload = { body: ' hello ', score: 'promoter', who: { mail: 'a@b.io' }, plan: null, id: 7 };

  it('writes constants, then present mapped values, nesting dotted targets', () => {
    const out = applyFieldMapping(
      payload,
      {
        text: '$.body',
        npsScore: { path: '$.score', map: { promoter: 10, detractor: 0 } },
        'customer.email': '$.who.mail',
        'customer.segment': { path: '$.plan', default: 'unknown' },
        'metadata.ticketId': '$.id',
        title: '$.missing',
        source: '$.missing',
      },
      { kind: 'survey_response', source: 'zendesk', 'customer.segment': 'ignored' },
    );
    expect(out).toEqual({
      kind: 'survey_response',
      source: 'zendesk',
      text: ' hello ',
      npsScore: 10,
      customer: { email: 'a@b.io', segment: 'unknown' },
      metadata: { ticketId: 7 },
    });
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });

  it('maps unmapped values to the default, or leaves them out', () => {
    const spec = { path: '$.score', map: { detractor: 0 } };
    expect(applyFieldMapping(payload, { npsScore: spec })).toEqual({});
    expect(applyFieldMapping(payload, { npsScore: { ...spec, default: 7 } })).toEqual({ npsScore: 7 });
  });

  it('refuses prototype-polluting targets even if validation was skipped', () => {
    expect(() => applyFieldMapping(payload, { '__proto__.polluted': '$.id' })).toThrow();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('splits batched deliveries', () => {
    expect(selectItems({ events: [1, 2] }, '$.events')).toEqual([1, 2]);
    expect(selectItems({ events: { a: 1 } }, '$.events')).toEqual([{ a: 1 }]);
    expect(selectItems({}, '$.events')).toEqual([]);
    expect(selectItems({ x: 1 }, undefined)).toEqual([{ x: 1 }]);
  });
});
