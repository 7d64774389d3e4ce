import { DemoCustomerFacts } from '../../scripts/demo/demo-customer-facts';
import { generateDemoFeedback } from '../../scripts/demo/generate-demo-feedback';
import { settle } from '../rollups/settle';
import { generateDemoOutcomes, PLANTED_OUTCOME_EFFECTS } from '../../scripts/demo/generate-demo-outcomes';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';

jest.setTimeout(60_000);

/**
 * The demo's planted trust problem: trail_club's churn all falls from week 18 (the checkout incident), so its
 * retention figures, and with them its Trust index, drop then. The demo's retention figures go in through the
 * API; the indices endpoint must show the fall and explain must put it on trail_club.
 */
describe(`SAT indices on the demo's planted trust problem (${TEST_TARGET})`, () => {
  let t: TestApp;
  let read: string;
  const start = new Date('2026-01-05T00:00:00Z');
  const options = { customers: 2_000, weeks: 26, seed: 5, start };
  const day = (week: number) =>
    new Date(start.getTime() + (week - 1) * 7 * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    const facts = new DemoCustomerFacts(options.customers);
    for (const item of generateDemoFeedback({ ...options, observe: facts.observe })) void item;
    const retention = [...generateDemoOutcomes(options, facts)].filter((o) => o.type === 'retention');
    t = await createTestApp();
    read = await t.keyWith('read');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/outcomes/batch',
      headers: { authorization: `Bearer ${await t.keyWith('ingest')}` },
      payload: { items: retention },
    });
    expect(res.json()).toMatchObject({ created: retention.length, rejected: 0 });
    await settle(t); // the fold job counts the events in the customer figures
  });
  afterAll(() => t?.close());

  const get = (url: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${read}` } });

  it("shows trail_club's trust at 100 before week 18 and below it in every week with figures after", async () => {
    const res = await get(`/api/v1/indices?granularity=week&from=${day(1)}&to=${day(27)}&groupBy=segment`);
    expect(res.statusCode).toBe(200);
    const trust = (segment: string, before: boolean) =>
      res
        .json()
        .points.filter(
          (p: { group: string; period: string }) => p.group === segment && p.period < day(18) === before,
        )
        .map(
          (p: { indices: { index: string; value: number | null }[] }) =>
            p.indices.find((i) => i.index === 'trust')!.value,
        )
        .filter((v: number | null) => v !== null) as number[];
    const segment = PLANTED_OUTCOME_EFFECTS.trustSegment;
    const [before, after] = [trust(segment, true), trust(segment, false)];
    expect(before.length).toBeGreaterThanOrEqual(3);
    expect(after.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...after)).toBeLessThan(Math.min(...before));
    expect(Math.min(...before)).toBe(100);
  });

  it('explain puts the fall of trust on trail_club, as rate, with mix + rate = total', async () => {
    const res = await get(
      `/api/v1/indices/explain?metric=trust&groupBy=segment&from=${day(18)}&to=${day(27)}&compareFrom=${day(1)}&compareTo=${day(18)}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total.total).toBeLessThan(0);
    const worst = [...body.groups].sort((a: { rate: number }, b: { rate: number }) => a.rate - b.rate)[0];
    expect(worst.group).toBe(PLANTED_OUTCOME_EFFECTS.trustSegment);
    expect(worst.valueB).toBeLessThan(worst.valueA);
    for (const g of body.groups) expect(g.mix + g.rate).toBe(g.total);
    expect(body.total.mix + body.total.rate).toBe(body.total.total);
  });
});
