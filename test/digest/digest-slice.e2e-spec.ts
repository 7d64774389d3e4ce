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
 * Six weeks of a steady shop (two chat and two email answers a day, half from segment gold, half basic, all
 * praising delivery) before and through 2026-W10, then on Wednesday 4 March 20 broken checkouts by email from
 * customers of segment gold: a spike on channel email (not on chat) and on segment gold (not on basic), a
 * checkout/payment theme emerging among gold's texts only, and checkout as the week's top driver of NPS among
 * identified customers (customers are anonymous, known only by segment, before the week).
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
        customer: { ...(inWeek ? { externalId: `r-${n}` } : {}), segment: n % 2 ? 'gold' : 'basic' },
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
  let goldOnly: string;
  let basic: string;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    // Booted as a server is (the email renderer warmed before ready), so that path is exercised too.
    t = await createTestApp({ smtpUrl: sink.url, publicUrl: 'https://cx.example.com', digestWarmup: true });
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
    goldOnly = await subscribe('gold-only@example.com', { segment: 'gold' });
    basic = await subscribe('basic@example.com', { segment: 'basic' });
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

  const anomalies = async (q: string) =>
    (await read('GET', `/api/v1/anomalies?from=${FROM}&to=${TO}&limit=3${q}`)).json().items as {
      id: string;
      day: string;
      dimension: string;
      value: string;
    }[];
  /** Newest first, as the digest merges the lists of its reader's series. */
  const merged = (...lists: Awaited<ReturnType<typeof anomalies>>[]) =>
    lists
      .flat()
      .sort((a, b) => b.day.localeCompare(a.day) || b.id.localeCompare(a.id))
      .slice(0, 3);
  const expectSame = (described: { description: string }[], api: Awaited<ReturnType<typeof anomalies>>) => {
    expect(described).toHaveLength(api.length);
    api.forEach((a, i) => {
      expect(described[i].description).toContain(`${a.dimension} ${a.value}`);
      expect(described[i].description).toContain(a.day);
    });
  };

  it("narrows the week's anomalies to the reader's channel as GET /api/v1/anomalies does", async () => {
    const all = await anomalies('');
    const chatOnly = await anomalies('&dimension=channel&value=chat');
    expect(await anomalies('&dimension=channel&value=email')).not.toHaveLength(0);

    const forChat = await preview(chat);
    expectSame(forChat.anomalies.items, chatOnly);
    for (const a of forChat.anomalies.items) expect(a.description).not.toContain('channel email');
    expect(forChat.anomalies.note).toBeUndefined();

    const unsliced = await preview();
    expectSame(unsliced.anomalies.items, all);
  });

  it("narrows the week's anomalies to the reader's segment: gold's spike for gold, not for basic", async () => {
    const goldSeries = await anomalies('&dimension=segment&value=gold');
    const basicSeries = await anomalies('&dimension=segment&value=basic');
    expect(goldSeries.length).toBeGreaterThanOrEqual(1);

    const forGold = await preview(goldOnly);
    expectSame(forGold.anomalies.items, goldSeries);
    expect(forGold.anomalies.note).toBeUndefined();

    const forBasic = await preview(basic);
    expectSame(forBasic.anomalies.items, basicSeries);
    for (const a of forBasic.anomalies.items) expect(a.description).not.toContain('segment gold');
    expect(forBasic.anomalies.note).toBeUndefined();

    // A slice of two fields: the anomalies of both series, newest first.
    const both = await preview(gold);
    expectSame(both.anomalies.items, merged(goldSeries, await anomalies('&dimension=channel&value=email')));
  });

  it("finds emerging themes in the reader's slice only, as GET /api/v1/topics/suggestions does for it", async () => {
    const themes = async (q: string) =>
      (
        await admin('GET', `/api/v1/topics/suggestions?from=${FROM}T00:00:00Z&to=${TO}T00:00:00Z&limit=3${q}`)
      ).json() as { suggestions: { phrase: string; recentCount: number }[]; filters: object };
    const lines = (content: { emergingThemes: { items: { theme: string; n: number }[] } }) =>
      content.emergingThemes.items;
    const expectThemes = (items: { theme: string; n: number }[], api: Awaited<ReturnType<typeof themes>>) => {
      expect(items.map((i) => i.n)).toEqual(api.suggestions.map((s) => s.recentCount));
      api.suggestions.forEach((s, i) => expect(items[i].theme).toContain(`“${s.phrase}”`));
    };

    const goldApi = await themes('&segment=gold');
    expect(goldApi.filters).toEqual({ segment: ['gold'] });
    expect(goldApi.suggestions.length).toBeGreaterThanOrEqual(1);
    const forGold = await preview(goldOnly);
    expectThemes(lines(forGold), goldApi);
    expect(forGold.emergingThemes.note).toBeUndefined();

    // Basic's texts are the same praise every week: the checkout theme of gold is not basic's news.
    const basicApi = await themes('&segment=basic');
    const forBasic = await preview(basic);
    expectThemes(lines(forBasic), basicApi);
    const goldPhrases = goldApi.suggestions.map((s) => `“${s.phrase}”`);
    for (const line of lines(forBasic)) for (const p of goldPhrases) expect(line.theme).not.toContain(p);

    expectThemes(lines(await preview(gold)), await themes('&segment=gold&channel=email'));
    expectThemes(lines(await preview(chat)), await themes('&channel=chat'));
    expectThemes(lines(await preview()), await themes(''));
  });

  it('rejects an unknown value of a closed filter of the themes API with 400', async () => {
    const res = await admin(
      'GET',
      `/api/v1/topics/suggestions?from=${FROM}T00:00:00Z&to=${TO}T00:00:00Z&channel=pigeon`,
    );
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('channel');
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
      expect(part).not.toContain('cannot narrow');
      expect(part).not.toContain('Anomalies are detected per');
      for (const theme of content.emergingThemes.items) expect(part).toContain(theme.theme);
      expect(part).toContain('What hurt customers most');
    }
  });
});
