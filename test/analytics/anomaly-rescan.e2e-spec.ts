import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';
import { caller, Inject, ingestAnalysed, NEGATIVE_CHECKOUT, POSITIVE_CHECKOUT } from './analytics-fixtures';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const [NEGATIVE, POSITIVE] = [NEGATIVE_CHECKOUT, POSITIVE_CHECKOUT];

/**
 * History imported after the fact (as `npm run demo` or `npm run import` do): nobody calls /anomalies/detect and
 * the hourly scan only looks at the last complete days, yet the spike of a day 40 days ago is found, because
 * analysing that day's items schedules a scan of it.
 */
describe(`anomalies of imported history, found without asking (${TEST_TARGET})`, () => {
  let t: TestApp;
  let reader: Inject;
  const today = Date.parse(`${dayOf(Date.now())}T00:00:00Z`);
  const spikeDay = dayOf(today - 40 * DAY_MS);

  beforeAll(async () => {
    t = await createTestApp({ anomalyRescanDelayMs: 300 });
    reader = caller(t, await t.keyWith('read'));
    // Nine weeks of a steady checkout (4 a day, one negative) before the spike day, then 20 items, 18 negative.
    const items: object[] = [];
    let n = 0;
    const item = (day: number, text: string) =>
      items.push({
        kind: 'review',
        source: 'shop',
        externalId: `h${++n}`,
        channel: 'web',
        touchpoint: 'checkout',
        text,
        occurredAt: new Date(today - day * DAY_MS + 10 * 3_600_000).toISOString(),
      });
    for (let day = 103; day >= 41; day--) {
      item(day, NEGATIVE[day % 3]);
      for (let i = 0; i < 3; i++) item(day, POSITIVE[(day + i) % 2]);
    }
    for (let i = 0; i < 20; i++) item(40, i < 18 ? NEGATIVE[i % 3] : POSITIVE[0]);
    await ingestAnalysed(caller(t, await t.keyWith('admin')), items);
  });
  afterAll(() => t?.close());

  it('records the spike on its day once the day was rescanned, and nothing on the steady days', async () => {
    type Anomaly = { kind: string; window: string; value: string; day: string };
    const spike = await waitFor(async () => {
      const items: Anomaly[] = (
        await reader('GET', '/api/v1/anomalies?dimension=touchpoint&limit=100')
      ).json().items;
      return items.find((a) => a.kind === 'negative_share_spike' && a.window === 'day') ? items : undefined;
    }, 60_000);
    const daily = spike.filter((a) => a.window === 'day');
    expect(daily.map((a) => [a.kind, a.value, a.day])).toContainEqual([
      'negative_share_spike',
      'checkout',
      spikeDay,
    ]);
    expect(daily.every((a) => a.day === spikeDay)).toBe(true);
  });
});
