import { validateOutcomeInput } from './validate-outcome-input';

const now = Date.parse('2026-06-01T00:00:00Z');
const check = (raw: unknown) => validateOutcomeInput(raw, { now });
const errorsOf = (raw: unknown) => {
  const result = check(raw);
  return result.ok ? [] : result.errors;
};

const lifecycle = { type: 'lifecycle', source: 'Stripe', customer: { email: 'A@x.io' }, event: 'churned' };
const referral = {
  type: 'referral',
  source: 'refer',
  referrer: { externalId: 'c1' },
  referred: { email: 'b@x.io' },
  status: 'invited',
};
const retention = {
  type: 'retention',
  source: 'finance',
  periodStart: '2026-04-01',
  periodEnd: '2026-05-01',
  customersAtStart: 10,
  retained: 7,
  churned: 3,
};

describe('validateOutcomeInput', () => {
  it('accepts each type and normalises it', () => {
    const l = check({ ...lifecycle, value: 9.5, currency: 'EUR' });
    expect(l).toMatchObject({
      ok: true,
      value: { source: 'stripe', customer: { email: 'a@x.io' }, value: 9.5 },
    });
    expect(check(referral).ok).toBe(true);
    const r = check(retention);
    expect(r.ok && r.value.occurredAt.toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('names the field and reason of unknown types, events and statuses', () => {
    expect(errorsOf({ ...lifecycle, type: 'upsell' })).toEqual([
      { field: 'type', reason: 'must be one of: referral, lifecycle, retention' },
    ]);
    expect(errorsOf({ ...lifecycle, event: 'paused' })[0].field).toBe('event');
    expect(errorsOf({ ...referral, status: 'accepted' })[0]).toMatchObject({ field: 'status' });
    expect(errorsOf({ source: 'x' })).toEqual([{ field: 'type', reason: 'is required' }]);
  });

  it('refuses a referral to oneself, by any shared identity', () => {
    expect(errorsOf({ ...referral, referred: { externalId: 'c1' } })).toEqual([
      { field: 'referred', reason: 'must not be the referrer (a referral to oneself)' },
    ]);
    expect(
      errorsOf({ ...referral, referrer: { email: 'b@x.io' }, referred: { email: 'B@X.io' } })[0].field,
    ).toBe('referred');
  });

  it('refuses retention figures that do not add up, and periods that end before they start', () => {
    expect(errorsOf({ ...retention, churned: 4 })).toEqual([
      { field: 'customersAtStart', reason: 'must equal retained + churned (7 + 4 = 11)' },
    ]);
    expect(errorsOf({ ...retention, periodEnd: '2026-03-01' })[0].field).toBe('periodEnd');
    expect(errorsOf({ ...retention, retained: -1, customersAtStart: 2 })[0].field).toBe('retained');
  });

  it('rejects fields of another type, missing people and a currency without value', () => {
    expect(errorsOf({ ...lifecycle, status: 'invited' })[0]).toMatchObject({ field: 'status' });
    expect(errorsOf({ ...lifecycle, customer: { segment: 'smb' } })).toEqual([
      { field: 'customer', reason: 'needs an externalId, email or phone' },
    ]);
    expect(errorsOf({ ...lifecycle, currency: 'EUR' })[0].field).toBe('currency');
    expect(errorsOf({ ...lifecycle, currency: 'eur', value: 1 })[0].field).toBe('currency');
    expect(errorsOf({ type: 'lifecycle', source: 's', event: 'renewed' })).toEqual([
      { field: 'customer', reason: 'is required for type lifecycle' },
    ]);
  });

  it('never throws on hostile input', () => {
    expect(errorsOf([])[0].field).toBe('(root)');
    expect(errorsOf(null)[0].field).toBe('(root)');
    expect(errorsOf({ ...lifecycle, occurredAt: '2030-01-01T00:00:00Z' })[0].field).toBe('occurredAt');
  });
});
