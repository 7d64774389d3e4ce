import { DataSource } from 'typeorm';
import { FeedbackIngestionService } from '../../src/modules/feedback/feedback-ingestion.service';
import { OutcomeIngestionService } from '../../src/modules/outcomes/outcome-ingestion.service';
import { DemoCustomerFacts } from '../../scripts/demo/demo-customer-facts';
import { defaultDemoStart, generateDemoFeedback } from '../../scripts/demo/generate-demo-feedback';
import { generateDemoOutcomes } from '../../scripts/demo/generate-demo-outcomes';
import { importFeedback } from '../../scripts/import/import-feedback';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';

jest.setTimeout(240_000);

/** The demo company, loaded through the import path, analysed: correlations must find what was planted. */
describe(`correlations and drivers on the demo's planted effects (${TEST_TARGET})`, () => {
  let t: TestApp;
  let reader: string;
  const options = { customers: 1_200, weeks: 26, seed: 5, start: defaultDemoStart(26) };

  beforeAll(async () => {
    t = await createTestApp();
    reader = await t.keyWith('read');
    const facts = new DemoCustomerFacts(options.customers);
    const lines = function* <T>(items: Iterable<T>) {
      let lineNumber = 0;
      for (const raw of items) yield { lineNumber: ++lineNumber, raw };
    };
    const feedback = await importFeedback(
      lines(generateDemoFeedback({ ...options, observe: facts.observe })),
      t.app.get(FeedbackIngestionService),
    );
    const outcomes = await importFeedback(
      lines(generateDemoOutcomes(options, facts)),
      t.app.get(OutcomeIngestionService),
    );
    expect([feedback.rejected, outcomes.rejected]).toEqual([0, 0]);
    const db = t.app.get(DataSource);
    await waitFor(
      async () =>
        Number(
          (await db.query("SELECT COUNT(*) AS n FROM feedback WHERE analysis_status = 'pending'"))[0].n,
        ) === 0 || undefined,
      200_000,
      500,
    );
  });
  afterAll(() => t?.close());

  const get = (url: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${reader}` } });

  it('finds the planted churn effect: lower sentiment, higher churn odds, significant', async () => {
    const res = await get('/api/v1/correlations');
    expect(res.statusCode).toBe(200);
    const answer = res.json();
    expect(answer.customers).toBeGreaterThan(800);
    const churn = answer.sentimentVsChurn;
    expect(churn.events).toBeGreaterThan(80);
    expect(churn.oddsRatio).toBeLessThan(1);
    expect(churn.ci.high).toBeLessThan(1);
    expect(churn.pValue).toBeLessThan(0.05);
  });

  it('finds sentiment moving with NPS and with referring', async () => {
    const answer = (await get('/api/v1/correlations')).json();
    expect(answer.sentimentVsNps.n).toBeGreaterThan(300);
    expect(answer.sentimentVsNps.pearson.r).toBeGreaterThan(0.3);
    expect(answer.sentimentVsNps.spearman.ci.low).toBeGreaterThan(0);
    expect(answer.sentimentVsReferral.oddsRatio).toBeGreaterThan(1);
  });

  it('answers 400 for a bad range', async () => {
    const res = await get('/api/v1/correlations?from=2026-05-01&to=2026-04-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ field: 'from', reason: 'must be before to' }]);
    expect((await get('/api/v1/correlations?from=yesterday')).statusCode).toBe(400);
  });

  it('finds, for churn, the topic of the negative checkout feedback raising churn odds significantly', async () => {
    const db = t.app.get(DataSource);
    const [planted] = await db.query(
      `SELECT t.topic_key AS topic, COUNT(DISTINCT f.customer_id) AS n FROM feedback f
         JOIN feedback_topics t ON t.feedback_id = f.id
        WHERE f.touchpoint = 'checkout' AND t.sentiment_label = 'negative' AND f.customer_id IS NOT NULL
        GROUP BY t.topic_key ORDER BY n DESC LIMIT 1`,
    );
    const res = await get('/api/v1/drivers?outcome=churn');
    expect(res.statusCode).toBe(200);
    const answer = res.json();
    expect(answer.drivers.length).toBeGreaterThan(2);
    const importance = answer.drivers.map((d: { importance: number }) => d.importance);
    expect(importance).toEqual([...importance].sort((a, b) => b - a));
    expect(importance.reduce((sum: number, v: number) => sum + v, 0)).toBeCloseTo(1, 6);
    // Not asserted: that it ranks first. In the default taxonomy checkout complaints land in the catch-all
    // website-app topic, which app complaints share, so mood-driven topics outrank it (docs/outcomes.md).
    const driver = answer.drivers.find((d: { topic: string }) => d.topic === planted.topic);
    expect(driver.impact).toBeGreaterThan(1);
    expect(driver.impactCi.low).toBeGreaterThan(1);
    expect(driver.pValue).toBeLessThan(0.05);
  });

  it('answers nps and referral drivers and refuses an unknown outcome', async () => {
    const nps = (await get('/api/v1/drivers?outcome=nps')).json();
    expect(nps.n).toBeGreaterThan(300);
    expect(nps.drivers[0].impact).toBeGreaterThan(0);
    expect((await get('/api/v1/drivers?outcome=referral')).statusCode).toBe(200);
    const bad = await get('/api/v1/drivers?outcome=revenue');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('outcome');
  });
});
