import { DataSource } from 'typeorm';
import { DemoCustomerFacts } from '../../scripts/demo/demo-customer-facts';
import { defaultDemoStart, generateDemoFeedback } from '../../scripts/demo/generate-demo-feedback';
import { generateDemoOutcomes } from '../../scripts/demo/generate-demo-outcomes';
import { importFeedback } from '../../scripts/import/import-feedback';
import { CorrelationsService } from '../../src/modules/correlations/correlations.service';
import { FactsRange, NEWEST_ANALYSIS } from '../../src/modules/correlations/customer-facts.repository';
import { CustomersService } from '../../src/modules/customers/customers.service';
import { DRIVER_OUTCOMES, DriversService } from '../../src/modules/drivers/drivers.service';
import { FeedbackIngestionService } from '../../src/modules/feedback/feedback-ingestion.service';
import { OutcomeIngestionService } from '../../src/modules/outcomes/outcome-ingestion.service';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';

jest.setTimeout(300_000);

const DAY = 86_400_000;

/**
 * Correlations and drivers read customer_item_facts and customer_topic_mentions (copies kept in the analysis
 * transaction) instead of joining each item to its newest analysis. Both sources must give the same answer, on
 * any range, after re-analysis and after an erasure.
 */
describe(`correlations and drivers: copies equal the raw rows (${TEST_TARGET})`, () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  const options = { customers: 300, weeks: 13, seed: 9, start: defaultDemoStart(13) };

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    admin = await t.keyWith('admin');
    const facts = new DemoCustomerFacts(options.customers);
    const lines = function* <T>(items: Iterable<T>) {
      let lineNumber = 0;
      for (const raw of items) yield { lineNumber: ++lineNumber, raw };
    };
    await importFeedback(
      lines(generateDemoFeedback({ ...options, observe: facts.observe })),
      t.app.get(FeedbackIngestionService),
    );
    await importFeedback(lines(generateDemoOutcomes(options, facts)), t.app.get(OutcomeIngestionService));
    await analysed();
  });
  afterAll(() => t?.close());

  const analysed = () =>
    waitFor(
      async () =>
        Number(
          (await db.query("SELECT COUNT(*) AS n FROM feedback WHERE analysis_status = 'pending'"))[0].n,
        ) === 0 || undefined,
      200_000,
      500,
    );

  /** Whole range, a day-aligned part, instants in the middle of days, and one segment. */
  async function ranges(): Promise<FactsRange[]> {
    const [{ segment }] = await db.query(
      'SELECT segment FROM feedback WHERE segment IS NOT NULL GROUP BY segment ORDER BY COUNT(*) DESC LIMIT 1',
    );
    const start = options.start.getTime();
    return [
      {},
      { from: new Date(start + 14 * DAY), to: new Date(start + 60 * DAY) },
      { from: new Date(start + 20 * DAY + 5_123_000), to: new Date(start + 71 * DAY + 40_000_000) },
      { segment },
    ];
  }

  async function expectSameAnswers(): Promise<void> {
    const correlations = t.app.get(CorrelationsService);
    const drivers = t.app.get(DriversService);
    for (const range of await ranges()) {
      const copies = await correlations.correlations(range, 'copies');
      expect(copies.customers).toBeGreaterThan(0);
      expect(copies).toEqual(await correlations.correlations(range, 'raw'));
      for (const outcome of DRIVER_OUTCOMES) {
        const fast = await drivers.drivers(outcome, range, { replicates: 20, source: 'copies' });
        expect(fast).toEqual(await drivers.drivers(outcome, range, { replicates: 20, source: 'raw' }));
      }
    }
  }

  /** The copies hold exactly the newest analysis of every identified item (and its topic mentions). */
  async function expectSameRows(): Promise<void> {
    const order = ' ORDER BY 1, 2';
    const items = await db.query(
      `SELECT feedback_id, sentiment_score, customer_id, segment FROM customer_item_facts${order}`,
    );
    expect(items.length).toBeGreaterThan(100);
    expect(items).toEqual(
      await db.query(
        `SELECT f.id AS feedback_id, a.sentiment_score, f.customer_id, f.segment
         FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
         WHERE f.customer_id IS NOT NULL AND a.sentiment_score IS NOT NULL AND ${NEWEST_ANALYSIS}${order}`,
      ),
    );
    const mentions = await db.query(
      `SELECT feedback_id, topic_key, sentiment_label, sentiment_score, customer_id, channel
       FROM customer_topic_mentions${order}`,
    );
    expect(mentions.length).toBeGreaterThan(100);
    expect(mentions).toEqual(
      await db.query(
        `SELECT t.feedback_id, t.topic_key, t.sentiment_label, t.sentiment_score, f.customer_id, f.channel
         FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
         JOIN feedback_topics t ON t.feedback_id = a.feedback_id AND t.pipeline_version = a.pipeline_version
         WHERE f.customer_id IS NOT NULL AND ${NEWEST_ANALYSIS}${order}`,
      ),
    );
  }

  it('gives the same answers from the copies as from the raw rows', async () => {
    await expectSameRows();
    await expectSameAnswers();
  });

  it('still does after every item is re-analysed with a new topic', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/topics',
      headers: { authorization: `Bearer ${admin}` },
      payload: { key: 'parcel-delivery', name: 'Parcel delivery', phrases: ['delivery'] },
    });
    expect(created.statusCode).toBe(201);
    const { reprocessId } = created.json();
    await waitFor(async () => {
      const r = await t.app.inject({
        method: 'GET',
        url: `/api/v1/analysis/reprocess/${reprocessId}`,
        headers: { authorization: `Bearer ${admin}` },
      });
      return r.json().status === 'completed' || undefined;
    }, 200_000);
    await analysed();
    const [{ n }] = await db.query(
      "SELECT COUNT(*) AS n FROM customer_topic_mentions WHERE topic_key = 'parcel-delivery'",
    );
    expect(Number(n)).toBeGreaterThan(0);
    await expectSameRows();
    await expectSameAnswers();
  });

  it('still does after a customer with feedback and outcome events is erased', async () => {
    const [{ id }] = await db.query(
      `SELECT o.customer_id AS id FROM outcomes o JOIN feedback f ON f.customer_id = o.customer_id
       WHERE o.type = 'referral' OR (o.type = 'lifecycle' AND o.event = 'churned') GROUP BY o.customer_id ORDER BY COUNT(*) DESC, o.customer_id LIMIT 1`,
    );
    const before = await t.app.get(CorrelationsService).correlations({});
    await t.app.get(CustomersService).erase(id);
    const after = await t.app.get(CorrelationsService).correlations({});
    // Their events go (one fewer churner or referrer); their feedback stays, as it always counted.
    expect(after.sentimentVsChurn.events + after.sentimentVsReferral.events).toBeLessThan(
      before.sentimentVsChurn.events + before.sentimentVsReferral.events,
    );
    await expectSameRows();
    await expectSameAnswers();
  });

  it('an upgrade copies the channel of the mentions stored before it (cross-channel pain points read it)', async () => {
    const migrations = db.migrations.map((m) => m.name);
    const after =
      migrations.length - migrations.findIndex((m) => m?.startsWith('CustomerTopicMentionChannels'));
    for (let i = 0; i < after; i++) await db.undoLastMigration({ transaction: 'each' });
    expect(
      (await db.query('SELECT * FROM customer_topic_mentions LIMIT 1')).map((r: object) => 'channel' in r),
    ).toEqual([false]);
    await db.runMigrations({ transaction: 'each' });
    await expectSameRows();
  });
});
