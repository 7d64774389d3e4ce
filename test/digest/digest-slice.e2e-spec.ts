import { ParsedMail } from 'mailparser';
import { caller, Inject, ingestAnalysed } from '../analytics/analytics-fixtures';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';
import { SmtpSink } from './smtp-sink';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const WEEK = '2026-W10';
const FROM = '2026-03-02';
const TO = '2026-03-09';
const SPIKE_DAY = '2026-03-04';
const NEGATIVE = [
  'Checkout failed again, my payment was declined. Terrible and frustrating.',
  'The checkout is broken, payment keeps failing. Awful experience.',
  'Horrible checkout, card declined three times, very angry.',
];
const POSITIVE = 'Delivery was quick and the courier friendly. Great service!';

/**
 * Six weeks of a steady shop (two chat and two email answers a day) before and through 2026-W10, then on
 * Wednesday 4 March 20 broken checkouts by email from customers of segment gold: a spike on channel email (not
 * on chat), and checkout as the week's top driver of NPS among identified customers.
 */
function items(): object[] {
  const out: object[] = [];
  let n = 0;
  const first = Date.parse('2026-01-26T00:00:00Z');
  for (let t = first; t < Date.parse(`${TO}T00:00:00Z`); t += DAY_MS) {
    const inWeek = t >= Date.parse(`${FROM}T00:00:00Z`);
    for (const [k, channel] of ['chat', 'chat', 'email', 'email'].entries()) {
      n++;
      out.push({
        kind: 'survey_response',
        source: 'nps-survey',
        externalId: `s-${n}`,
        channel,
        touchpoint: 'delivery',
        npsScore: 9 + (n % 2),
        text: POSITIVE,
        occurredAt: new Date(t + (9 + k) * 3_600_000).toISOString(),
        ...(inWeek ? { customer: { externalId: `r-${n}`, segment: n % 2 ? 'gold' : 'basic' } } : {}),
      });
    }
  }
  for (let i = 0; i < 20; i++)
    out.push({
      kind: 'survey_response',
      source: 'nps-survey',
      externalId: `spike-${i}`,
      channel: 'email',
      touchpoint: 'checkout',
      npsScore: i % 4,
      text: NEGATIVE[i % 3],
      occurredAt: `${SPIKE_DAY}T1${i % 10}:00:00Z`,
      customer: { externalId: `s-${i}`, segment: 'gold' },
    });
  return out;
}

describe(`Weekly digest: top driver, pain points and the reader's slice (${TEST_TARGET})`, () => {
  let t: TestApp;
  let sink: SmtpSink;
  let admin: Inject;
  let read: Inject;
  let gold: string;
  let chat: string;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ smtpUrl: sink.url, publicUrl: 'https://cx.example.com' });
    admin = caller(t, await t.keyWith('admin'));
    read = caller(t, await t.keyWith('read'));
    await ingestAnalysed(caller(t, await t.keyWith('admin')), items());
    const detect = await admin('POST', '/api/v1/anomalies/detect', { from: '2026-02-23', to: '2026-03-08' });
    expect(detect.statusCode).toBe(200);
    const subscribe = async (email: string, slice: object) =>
      (await admin('POST', '/api/v1/digest/subscribers', { email, name: 'Reader', slice })).json()
        .id as string;
    gold = await subscribe('gold@example.com', { segment: 'gold', channel: 'email' });
    chat = await subscribe('chat@example.com', { channel: 'chat' });
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const preview = async (subscriber?: string) =>
    (
      await admin(
        'GET',
        `/api/v1/digest/preview?week=${WEEK}&format=json${subscriber ? `&subscriber=${subscriber}` : ''}`,
      )
    ).json();

  it('names the top driver of NPS as GET /api/v1/drivers does for the same week and segment', async () => {
    const api = (
      await read('GET', `/api/v1/drivers?outcome=nps&from=${FROM}T00:00:00Z&to=${TO}T00:00:00Z&segment=gold`)
    ).json();
    expect(api.drivers.length).toBeGreaterThanOrEqual(1);
    const top = api.drivers[0];
    const content = await preview(gold);
    expect(content.npsDriver.available).toBe(true);
    const [driver] = content.npsDriver.items;
    expect(driver).toMatchObject({
      topic: top.topic,
      customers: top.customers,
      n: api.n,
      importance: top.importance,
      impact: top.impact,
      impactCi: top.impactCi,
      pValue: top.pValue,
    });
    // Fewer bootstrap replicates than the API: the interval is the digest's own, around the same estimate.
    expect(driver.importanceCi.low).toBeLessThanOrEqual(driver.importanceCi.high);
    // Channel is not a filter of the drivers analysis: the email says so instead of narrowing silently.
    expect(content.npsDriver.note).toContain('channel email');

    const everyone = (
      await read('GET', `/api/v1/drivers?outcome=nps&from=${FROM}T00:00:00Z&to=${TO}T00:00:00Z`)
    ).json();
    const unsliced = await preview();
    expect(unsliced.npsDriver.items[0]).toMatchObject({ topic: everyone.drivers[0].topic, n: everyone.n });
    expect(unsliced.npsDriver.note).toBeUndefined();
  });

  it('ranks what hurt most as GET /api/v1/pain-points does for the same week and slice', async () => {
    const api = (
      await read(
        'GET',
        `/api/v1/pain-points?from=${FROM}T00:00:00Z&to=${TO}T00:00:00Z&timezone=UTC&channel=email&segment=gold&limit=3`,
      )
    ).json();
    const content = await preview(gold);
    const touchpoints = content.painPoints.items.filter(
      (p: { dimension: string }) => p.dimension === 'touchpoint',
    );
    const expected = api.touchpoints.filter((p: { impact: number }) => p.impact > 0);
    expect(expected.length).toBeGreaterThanOrEqual(1);
    expect(
      touchpoints.map((p: { label: string; value: number; n: number }) => [p.label, p.value, p.n]),
    ).toEqual(
      expected.map((p: { value: string; impact: number; volume: number }) => [p.value, p.impact, p.volume]),
    );
    expect(content.overallNegativeShare).toBe(api.overall.negativeShare);
  });

  it("narrows the week's anomalies to the reader's channel as GET /api/v1/anomalies does", async () => {
    const anomalies = async (q: string) =>
      (await read('GET', `/api/v1/anomalies?from=${FROM}&to=${TO}&limit=3${q}`)).json().items;
    const all = await anomalies('');
    const email = await anomalies('&dimension=channel&value=email');
    const chatOnly = await anomalies('&dimension=channel&value=chat');
    expect(email.length).toBeGreaterThanOrEqual(1);
    expect(all.some((a: { dimension: string }) => a.dimension !== 'channel')).toBe(true);

    const forGold = await preview(gold);
    expect(forGold.anomalies.items).toHaveLength(email.length);
    for (const a of forGold.anomalies.items) expect(a.description).toContain('channel email');
    expect(forGold.anomalies.note).toContain('segment');

    const forChat = await preview(chat);
    expect(forChat.anomalies.items).toHaveLength(chatOnly.length);
    expect(forChat.anomalies.note).toBeUndefined();

    const unsliced = await preview();
    expect(unsliced.anomalies.items).toHaveLength(all.length);
  });

  it('says that emerging themes are not narrowed to the slice, and lists the same themes as the API', async () => {
    const themes = (
      await admin('GET', `/api/v1/topics/suggestions?from=${FROM}T00:00:00Z&to=${TO}T00:00:00Z&limit=3`)
    ).json();
    const content = await preview(chat);
    expect(content.emergingThemes.items.map((i: { n: number }) => i.n)).toEqual(
      themes.suggestions.map((s: { recentCount: number }) => s.recentCount),
    );
    expect(content.emergingThemes.note).toContain('cannot narrow them to channel chat');
  });

  it('puts the driver and the slice notes in both parts of the email', async () => {
    const content = await preview(gold);
    const res = await admin('POST', '/api/v1/digest/send', { week: WEEK, subscriberId: gold });
    expect(res.statusCode).toBe(202);
    await waitFor(async () => (sink.received.length ? true : undefined), 20_000);
    const [mail]: ParsedMail[] = await sink.parsed();
    const driver = content.npsDriver.items[0];
    for (const part of [mail.text!, (mail.html as string).replace(/\s+/g, ' ')]) {
      expect(part).toContain('Top driver of NPS');
      expect(part).toContain(`${driver.topic}: raised negatively by ${driver.customers} of the ${driver.n}`);
      expect(part).toContain('The drivers analysis narrows by segment only');
      expect(part).toContain('the themes service cannot narrow them');
      expect(part).toContain('What hurt customers most');
    }
  });
});
