import { DataSource } from 'typeorm';
import { TopicSuggestionsService } from '../../src/modules/analysis/topic-suggestions.service';
import {
  DIGEST_CONTENT_SOURCE,
  DigestContent,
  DigestContentSource,
  DigestRequest,
} from '../../src/modules/digest/content/digest-content.types';
import { DigestScheduleService } from '../../src/modules/digest/delivery/digest-schedule.service';
import { DigestSubscriberEntity } from '../../src/modules/digest/entities/digest-subscriber.entity';
import { DriversService } from '../../src/modules/drivers/drivers.service';
import { caller, Inject, ingestAnalysed } from '../analytics/analytics-fixtures';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { settleFeedback } from './settle-feedback';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const WEEK = '2026-W10';
/** Monday 9 March 03:00 UTC: W10 has closed, the readers' send (Monday 08:00 UTC) has not come yet. */
const BEFORE_SEND = new Date('2026-03-09T03:00:00Z');
const NEGATIVE = [
  'Checkout failed again, my payment was declined. Terrible and frustrating.',
  'The checkout is broken, payment keeps failing. Awful experience.',
  'Horrible checkout, card declined three times, very angry.',
];

/**
 * Five weeks of steady praise for delivery (half segment gold, half basic; identified customers in W10), then
 * in W10 20 broken checkouts from gold customers: an emerging checkout theme and checkout as the top NPS driver.
 */
function items(): object[] {
  const out: object[] = [];
  let n = 0;
  for (let t = Date.parse('2026-02-02T00:00:00Z'); t < Date.parse('2026-03-09T00:00:00Z'); t += DAY_MS) {
    const inWeek = t >= Date.parse('2026-03-02T00:00:00Z');
    for (const [k, channel] of ['chat', 'email', 'email'].entries()) {
      n++;
      out.push({
        kind: 'survey_response',
        source: 'nps-survey',
        externalId: `s-${n}`,
        channel,
        npsScore: 9 + (n % 2),
        text: 'Delivery was quick and the courier friendly. Great service!',
        occurredAt: new Date(t + (9 + k) * 3_600_000).toISOString(),
        customer: { ...(inWeek ? { externalId: `r-${n}` } : {}), segment: n % 2 ? 'gold' : 'basic' },
      });
    }
  }
  for (let i = 0; i < 20; i++) out.push(spike(i));
  return out;
}

const spike = (i: number) => ({
  kind: 'survey_response',
  source: 'nps-survey',
  externalId: `spike-${i}`,
  channel: 'email',
  npsScore: i % 4,
  text: NEGATIVE[i % 3],
  occurredAt: `2026-03-04T1${i % 10}:00:00Z`,
  customer: { externalId: `c-${i}`, segment: 'gold' },
});

/** The two costly parts of a digest: what the store must give back unchanged. */
const costlyParts = (c: DigestContent) => ({ emergingThemes: c.emergingThemes, npsDriver: c.npsDriver });

describe(`Weekly digest: themes and top driver computed ahead of the send (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: Inject;
  let db: DataSource;
  let source: DigestContentSource;
  let suggest: jest.SpyInstance;
  let drivers: jest.SpyInstance;
  let gold: string;
  const goldView: DigestRequest = { week: WEEK, timeZone: 'UTC', slice: { segment: 'gold' } };
  const everyone: DigestRequest = { week: WEEK, timeZone: 'UTC', slice: null };

  beforeAll(async () => {
    // No real tick during the test (it would compute this December's views too): the test calls the check itself.
    t = await createTestApp({ digestCheckCron: '0 0 1 1 *' });
    admin = caller(t, await t.keyWith('admin'));
    db = t.app.get(DataSource);
    source = t.app.get<DigestContentSource>(DIGEST_CONTENT_SOURCE);
    await ingestAnalysed(admin, items());
    suggest = jest.spyOn(t.app.get(TopicSuggestionsService), 'suggest');
    drivers = jest.spyOn(t.app.get(DriversService), 'drivers');
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
  });

  const storedParts = async () =>
    (
      (await db.query(`SELECT part, week_from FROM digest_week_parts ORDER BY part`)) as {
        part: string;
        week_from: string | Date;
      }[]
    ).map((r) => [r.part, new Date(r.week_from).toISOString()]);

  it('with no reader, the due check computes nothing', async () => {
    await t.app.get(DigestScheduleService).checkDue(BEFORE_SEND);
    await settleFeedback(t);
    expect(await storedParts()).toEqual([]);
    expect(suggest).not.toHaveBeenCalled();
  });

  it('the due check before the send queues the closed week, and the job stores its themes and driver', async () => {
    const created = await admin('POST', '/api/v1/digest/subscribers', {
      email: 'gold@example.com',
      name: 'Gold',
      slice: { segment: 'gold' },
    });
    gold = created.json().id;
    // A reader since before W10's send (the due check computes ahead only for readers who will be sent it).
    await db
      .createQueryBuilder()
      .update(DigestSubscriberEntity)
      .set({ createdAt: new Date('2026-02-01T00:00:00Z') })
      .execute();
    const due = await t.app.get(DigestScheduleService).checkDue(BEFORE_SEND);
    expect(due.queued).toBe(0); // not sent yet: only computed ahead
    await settleFeedback(t);
    const monday = '2026-03-02T00:00:00.000Z';
    // Everyone's view (the default preview) and gold's: themes per slice, the driver per segment.
    expect(await storedParts()).toEqual([
      ['driver', monday],
      ['driver', monday],
      ['themes', monday],
      ['themes', monday],
    ]);
    expect(suggest).toHaveBeenCalledTimes(2);
    expect(drivers).toHaveBeenCalledTimes(2);
  });

  it('the build reads them (no theme search, no driver analysis) and they equal an uncached build', async () => {
    suggest.mockClear();
    drivers.mockClear();
    const preview = await admin('GET', `/api/v1/digest/preview?week=${WEEK}&subscriber=${gold}&format=json`);
    expect(preview.statusCode).toBe(200);
    const everyoneBuilt = await source.build(everyone);
    expect(suggest).not.toHaveBeenCalled();
    expect(drivers).not.toHaveBeenCalled();
    const stored = costlyParts(preview.json());
    expect(stored.emergingThemes.available && stored.emergingThemes.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(stored.emergingThemes)).toContain('checkout');
    expect(stored.npsDriver.available).toBe(true);

    await db.query(`DELETE FROM digest_week_parts`);
    expect(costlyParts(await source.build(goldView))).toEqual(stored);
    expect(costlyParts(await source.build(everyone))).toEqual(costlyParts(everyoneBuilt));
    expect(suggest).toHaveBeenCalledTimes(2);
    expect(drivers).toHaveBeenCalledTimes(2);
  });

  it('a late item of the week makes them stale: the next build computes them again, and then reuses them', async () => {
    const before = costlyParts(await source.build(goldView));
    suggest.mockClear();
    drivers.mockClear();
    await ingestAnalysed(admin, [20, 21, 22, 23, 24].map(spike));
    await settleFeedback(t);

    const after = costlyParts(await source.build(goldView));
    expect(suggest).toHaveBeenCalledTimes(1);
    expect(drivers).toHaveBeenCalledTimes(1);
    expect(after).not.toEqual(before); // 25 checkout complaints now, not 20
    expect(costlyParts(await source.build(goldView))).toEqual(after);
    expect(suggest).toHaveBeenCalledTimes(1); // unchanged data: the stored parts again

    await db.query(`DELETE FROM digest_week_parts`);
    expect(costlyParts(await source.build(goldView))).toEqual(after);
    expect(suggest).toHaveBeenCalledTimes(2);
  });

  it('a basic reader shares no part with gold: their themes are their own slice', async () => {
    const basic = costlyParts(await source.build({ ...goldView, slice: { segment: 'basic' } }));
    expect(JSON.stringify(basic.emergingThemes)).not.toContain('checkout');
  });
});
