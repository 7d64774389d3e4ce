import { mulberry32 } from '../../src/core/statistics';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { settle } from '../rollups/settle';

jest.setTimeout(300_000);

/** Texts the default taxonomy files under known topics, all negative except the last. */
const PLANTED = { topic: 'payment-failures', text: 'My card was declined again, so annoying.' };
const OTHERS = [
  'The parcel arrived a week late.', // delivery, waiting-time
  'The app keeps crashing when I open it.', // bugs-crashes, website-app
  'The jacket is too small, the size chart is wrong.', // fit-size
  'Nobody answered my emails, terrible communication.', // communication, reaching-support
];
const FINE = 'Lovely staff, quick and friendly service.';

/**
 * Issue 11's ground-truth test: generated customers complain about several topics at random, and only one of
 * them, payment failures, changes what they do (churn 40 % against 10 %). The drivers endpoint must rank it
 * first, with an odds ratio whose interval lies above 1, and leave the other topics' intervals around 1.
 */
describe(`key drivers on generated data with one planted driver (${TEST_TARGET})`, () => {
  let t: TestApp;
  let read: string;
  const customers = 600;

  beforeAll(async () => {
    t = await createTestApp();
    read = await t.keyWith('read');
    const ingest = await t.keyWith('ingest');
    const random = mulberry32(7);
    const feedback: Record<string, unknown>[] = [];
    const outcomes: Record<string, unknown>[] = [];
    const at = (day: number) => new Date(Date.UTC(2026, 3, 1 + day, 12)).toISOString();
    for (let i = 0; i < customers; i++) {
      const customer = { email: `customer-${i}@example.com` };
      const texts = OTHERS.filter(() => random() < 0.25);
      const planted = random() < 0.2;
      if (planted) texts.push(PLANTED.text);
      if (!texts.length) texts.push(FINE);
      texts.forEach((text, k) =>
        feedback.push({
          kind: 'survey_response',
          source: 'planted-survey',
          externalId: `fb-${i}-${k}`,
          npsScore: text === FINE ? 9 : 5,
          text,
          customer,
          occurredAt: at(k),
        }),
      );
      const subscribed = { type: 'lifecycle', source: 'billing', customer, occurredAt: at(0) };
      outcomes.push({ ...subscribed, externalId: `sub-${i}`, event: 'subscribed' });
      if (random() < (planted ? 0.4 : 0.1))
        outcomes.push({ ...subscribed, externalId: `churn-${i}`, event: 'churned', occurredAt: at(20) });
    }
    const post = async (url: string, items: unknown[]) => {
      for (let i = 0; i < items.length; i += 500) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { authorization: `Bearer ${ingest}` },
          payload: { items: items.slice(i, i + 500) },
        });
        expect(res.json().rejected).toBe(0);
      }
    };
    await post('/api/v1/feedback/batch', feedback);
    await post('/api/v1/outcomes/batch', outcomes);
    await settle(t, 250_000);
  });
  afterAll(() => t?.close());

  it('ranks the planted driver first by importance, its odds ratio above 1, the others not', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/drivers?outcome=churn',
      headers: { authorization: `Bearer ${read}` },
    });
    expect(res.statusCode).toBe(200);
    const answer = res.json();
    expect(answer.n).toBe(customers);
    const [first, ...rest] = answer.drivers;
    expect(first.topic).toBe(PLANTED.topic);
    expect(first.impact).toBeGreaterThan(2);
    expect(first.impactCi.low).toBeGreaterThan(1);
    expect(first.importance).toBeGreaterThan(0.5);
    expect(first.importanceCi.low).toBeGreaterThan(
      Math.max(...rest.map((d: { importance: number }) => d.importance)),
    );
    expect(rest.length).toBeGreaterThanOrEqual(4);
    for (const d of rest) expect(d.impactCi.low).toBeLessThan(1);
  });
});
