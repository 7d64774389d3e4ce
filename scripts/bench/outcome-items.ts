const run = `${process.pid}-${Date.now().toString(36)}`;
let sequence = 0;
const EVENTS = ['subscribed', 'renewed', 'renewed', 'purchased', 'purchased', 'downgraded', 'churned'];

/**
 * A realistic mix of outcome events with unique externalIds: 80 % lifecycle (customers by externalId and
 * email among 20,000, so identities repeat as in production), 18 % referrals, 2 % retention figures.
 */
export function outcomeItem(): Record<string, unknown> {
  const n = ++sequence;
  const occurredAt = new Date(Date.now() - (n % 86_400) * 1000).toISOString();
  const externalId = `bench-${run}-${n}`;
  const customer = { externalId: `cus_${n % 20_000}`, email: `customer${n % 20_000}@example.com` };
  if (n % 50 === 0) {
    return {
      type: 'retention',
      source: 'bench-finance',
      externalId,
      periodStart: '2026-01-01',
      periodEnd: '2026-02-01',
      segment: `segment-${n % 7}`,
      customersAtStart: 1_000,
      retained: 950,
      churned: 50,
    };
  }
  if (n % 50 < 10) {
    return {
      type: 'referral',
      source: 'bench-referrals',
      externalId,
      referrer: customer,
      referred: { email: `friend${n}@example.net` },
      status: ['invited', 'signed_up', 'converted'][n % 3],
      occurredAt,
    };
  }
  const event = EVENTS[n % EVENTS.length];
  return {
    type: 'lifecycle',
    source: 'bench-billing',
    externalId,
    customer: { ...customer, segment: n % 3 ? 'consumer' : 'smb' },
    event,
    ...(event === 'churned' ? {} : { value: 10 + (n % 90), currency: 'GBP' }),
    occurredAt,
  };
}

export const outcomeBatchBody = (size: number) => () =>
  JSON.stringify({ items: Array.from({ length: size }, outcomeItem) });
