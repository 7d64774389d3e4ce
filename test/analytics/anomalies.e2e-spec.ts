import { Webhook } from 'standardwebhooks';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';
import { AlertReceiver } from './alert-receiver';
import { caller, Inject, ingestAnalysed, NEGATIVE_CHECKOUT, POSITIVE_CHECKOUT } from './analytics-fixtures';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const [NEGATIVE, POSITIVE] = [NEGATIVE_CHECKOUT, POSITIVE_CHECKOUT];

describe(`anomalies (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: Inject;
  let reader: Inject;
  const receiver = new AlertReceiver();
  let secret: string;
  const today = Date.parse(`${dayOf(Date.now())}T00:00:00Z`);
  const spikeDay = dayOf(today - DAY_MS);

  beforeAll(async () => {
    const url = await receiver.start();
    t = await createTestApp();
    admin = caller(t, await t.keyWith('admin'));
    reader = caller(t, await t.keyWith('read'));
    secret = (
      await admin('POST', '/api/v1/alerts/subscriptions', {
        name: 'cx',
        url,
        kinds: ['negative_share_spike'],
      })
    ).json().secret;
    // Nine weeks of a steady checkout (4 a day, one negative) and delivery, then a day of broken checkouts.
    const items: object[] = [];
    let n = 0;
    const item = (day: number, touchpoint: string, text: string) =>
      items.push({
        kind: 'review',
        source: 'shop',
        externalId: `a${++n}`,
        channel: 'web',
        touchpoint,
        text,
        occurredAt: new Date(today - day * DAY_MS + 10 * 3_600_000).toISOString(),
      });
    for (let day = 64; day >= 2; day--) {
      item(day, 'checkout', NEGATIVE[day % 3]);
      for (let i = 0; i < 3; i++) item(day, 'checkout', POSITIVE[(day + i) % 2]);
      item(day, 'delivery', 'Delivery was quick and the courier friendly.');
    }
    for (let i = 0; i < 20; i++) item(1, 'checkout', i < 18 ? NEGATIVE[i % 3] : POSITIVE[0]);
    item(1, 'delivery', 'Delivery was quick and the courier friendly.');
    await ingestAnalysed(admin, items);
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  it('finds the day checkout broke, records it once and pushes it signed to subscribers', async () => {
    const run = await admin('POST', '/api/v1/anomalies/detect', {
      from: dayOf(today - 20 * DAY_MS),
      to: spikeDay,
    });
    expect(run.statusCode).toBe(200);
    expect(run.json().recorded).toBeGreaterThanOrEqual(1);
    const list = (await reader('GET', '/api/v1/anomalies?dimension=touchpoint')).json().items;
    const share = list.find(
      (a: { kind: string; window: string }) => a.kind === 'negative_share_spike' && a.window === 'day',
    );
    expect(share).toMatchObject({ value: 'checkout', day: spikeDay, n: 20 });
    expect(share.observed).toBeGreaterThan(0.7);
    expect(share.expected).toBeLessThan(0.4);
    expect(share.qValue).toBeLessThanOrEqual(0.01);
    expect(list.some((a: { value: string }) => a.value === 'delivery')).toBe(false);
    expect(list.every((a: { day: string }) => a.day === spikeDay)).toBe(true);

    const pushed = await waitFor(
      // The touchpoint's spike; the default taxonomy's `checkout` topic spikes with it and is pushed too.
      async () =>
        receiver.received.find(
          (r) => r.body.includes('"value":"checkout"') && r.body.includes('"dimension":"touchpoint"'),
        ),
      20_000,
    );
    const body = new Webhook(secret).verify(pushed.body, pushed.headers as Record<string, string>) as {
      data: { kind: string; value: string; day: string };
    };
    expect(body.data).toMatchObject({
      kind: 'negative_share_spike',
      dimension: 'touchpoint',
      value: 'checkout',
      day: spikeDay,
    });
    // Only the subscribed kind: no volume spike was pushed.
    expect(receiver.received.filter((r) => r.body.includes('volume_spike'))).toHaveLength(0);

    const again = (await admin('POST', '/api/v1/anomalies/detect', { from: spikeDay, to: spikeDay })).json();
    expect(again).toMatchObject({ recorded: 0, alerted: 0 });
    expect(again.found).toBeGreaterThanOrEqual(1);
  });

  it('answers CSV and refuses bad filters with the field', async () => {
    const csv = await reader('GET', '/api/v1/anomalies?kind=negative_share_spike', undefined, {
      accept: 'text/csv',
    });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]).toBe(
      'day,window,kind,dimension,value,observed,expected,n,baselineN,pValue,qValue,id,detectedAt',
    );
    expect(csv.body).toContain(`${spikeDay},day,negative_share_spike,touchpoint,checkout`);
    for (const [query, field] of [
      ['kind=earthquake', 'kind'],
      ['dimension=planet', 'dimension'],
      ['from=2026-02-30', 'from'],
      ['from=2026-05-02&to=2026-05-01', 'from'],
      ['cursor=abc', 'cursor'],
    ]) {
      const res = await reader('GET', `/api/v1/anomalies?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const tooLong = await admin('POST', '/api/v1/anomalies/detect', { from: '2020-01-01', to: '2026-01-01' });
    expect(tooLong.statusCode).toBe(400);
    expect((await reader('POST', '/api/v1/anomalies/detect', {})).statusCode).toBe(403);
  });
});
