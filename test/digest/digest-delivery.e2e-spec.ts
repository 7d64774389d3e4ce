import { ParsedMail } from 'mailparser';
import { pngSize } from '../../src/modules/digest/charts/render-png';
import { DigestDeliveryService } from '../../src/modules/digest/delivery/digest-delivery.service';
import { DigestScheduleService } from '../../src/modules/digest/delivery/digest-schedule.service';
import { formatIsoWeek, lastWeekAt } from '../../src/modules/digest/time/iso-week';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';
import { settleFeedback } from './settle-feedback';
import { rawHeader, SmtpSink } from './smtp-sink';

jest.setTimeout(60_000);

const TEXTS = [
  'The checkout kept failing and support never answered, awful.',
  'Delivery was late again and the parcel arrived damaged.',
  'Love the new app, fast and easy. Thank you!',
  'Great service, the agent was really helpful.',
];

/** Week 2026-W10 (Mon 2 March): 14 survey answers over three channels; 2026-W09: 6; 2026-W12: none. */
function items() {
  const out = [];
  const channels = ['web', 'email', 'chat'];
  for (let i = 0; i < 14; i++)
    out.push({
      kind: 'survey_response',
      source: 'nps-survey',
      externalId: `dg-${i}`,
      channel: channels[i % 3],
      touchpoint: 'checkout',
      npsScore: [10, 9, 3, 0, 8, 10, 1, 9, 6, 10, 2, 9, 10, 4][i],
      text: TEXTS[i % 4],
      occurredAt: `2026-03-0${2 + (i % 5)}T1${i % 10}:00:00Z`,
    });
  for (let i = 0; i < 6; i++)
    out.push({
      kind: 'survey_response',
      source: 'nps-survey',
      externalId: `dg-prev-${i}`,
      channel: channels[i % 3],
      npsScore: [10, 10, 9, 2, 8, 7][i],
      text: TEXTS[(i + 2) % 4],
      occurredAt: `2026-02-2${3 + (i % 5)}T09:00:00Z`,
    });
  return out;
}

describe(`Weekly digest delivery over real SMTP (${TEST_TARGET})`, () => {
  let t: TestApp;
  let sink: SmtpSink;
  let admin: string;
  let read: string;
  let subscriberId: string;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ smtpUrl: sink.url, publicUrl: 'https://cx.example.com' });
    admin = await t.keyWith('admin');
    read = await t.keyWith('read');
    const ingest = await t.keyWith('ingest');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/batch',
      headers: { authorization: `Bearer ${ingest}` },
      payload: { items: items() },
    });
    expect(res.statusCode).toBe(202);
    await settleFeedback(t);
    subscriberId = (
      await call('POST', '/api/v1/digest/subscribers', {
        email: 'dana@example.com',
        name: 'Dana',
        locale: 'en-GB',
      })
    ).json().id;
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  function call(method: 'GET' | 'POST', url: string, payload?: object, key = admin) {
    return t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${key}` } });
  }

  async function deliveries(
    week: string,
  ): Promise<{ status: string; attempts: number; lastError: string | null }[]> {
    return (await call('GET', `/api/v1/digest/deliveries?week=${week}`)).json();
  }

  async function sendAndWait(payload: object, week: string) {
    const res = await call('POST', '/api/v1/digest/send', payload);
    expect(res.statusCode).toBe(202);
    await waitFor(async () => {
      const rows = await deliveries(week);
      return rows.length && rows.every((r) => r.status === 'sent' || r.status === 'failed')
        ? rows
        : undefined;
    }, 20_000);
    return res.json();
  }

  let mail: ParsedMail;

  it('sends the week once: subject, both parts, RFC 8058 headers, inline PNG charts of the stated size', async () => {
    const answer = await sendAndWait({ week: '2026-W10' }, '2026-W10');
    expect(answer).toEqual({ week: '2026-W10', queued: 1, alreadyClaimed: 0 });
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0].to).toEqual(['dana@example.com']);
    [mail] = await sink.parsed();
    expect(mail.subject).toBe('Customer feedback digest 2026-W10: 14 items');
    expect(mail.text).toContain('14 feedback items this week');
    expect(mail.html).toContain('<!doctype html>');
    const unsubscribe = rawHeader(mail, 'List-Unsubscribe')!;
    expect(unsubscribe).toMatch(/^<https:\/\/cx\.example\.com\/api\/v1\/digest\/unsubscribe\?token=[^>]+>$/);
    expect(rawHeader(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    const images = [...(mail.html as string).matchAll(/<img[^>]*>/g)].map((m) => m[0]);
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const img of images) {
      const cid = /src="cid:([^"]+)"/.exec(img)![1];
      const alt = /alt="([^"]+)"/.exec(img)![1];
      const width = Number(/width="(\d+)"/.exec(img)![1]);
      const height = Number(/height="(\d+)"/.exec(img)![1]);
      expect(alt.length).toBeGreaterThan(10);
      const attachment = mail.attachments.find((a) => a.contentId === `<${cid}>`)!;
      expect(attachment.contentType).toBe('image/png');
      expect(pngSize(attachment.content)).toEqual({ width: width * 2, height: height * 2 });
    }

    // The unsubscribe link in the header works without an API key.
    const url = new URL(unsubscribe.slice(1, -1));
    const page = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(page.statusCode).toBe(200);
  });

  it('says what the trends API says for the same week', async () => {
    const trends = async (q: string) =>
      (
        await call(
          'GET',
          `/api/v1/trends?granularity=week&from=2026-03-02&to=2026-03-09&${q}`,
          undefined,
          read,
        )
      ).json();
    const nps = (await trends('metric=nps')).points[0];
    const byChannel = (await trends('metric=volume&groupBy=channel')).points;
    const content = (await call('GET', '/api/v1/digest/preview?week=2026-W10&format=json')).json();
    const headline = content.headline.find((m: { key: string }) => m.key === 'nps');
    expect(nps.n).toBe(14);
    expect(headline.value).toBe(nps.value);
    expect(headline.n).toBe(nps.n);
    for (const point of byChannel) {
      const channel = content.volume.byChannel.find((c: { channel: string }) => c.channel === point.group);
      expect(channel.n).toBe(point.n);
    }
    const shown = new Intl.NumberFormat('en-GB', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(nps.value);
    expect(mail.text).toContain(`NPS: ${shown}`);
    expect(mail.text).toContain(`n = ${nps.n}`);
  });

  it('shows the three indices as GET /api/v1/indices gives them for the same week', async () => {
    const api = (
      await call('GET', '/api/v1/indices?granularity=week&from=2025-12-15&to=2026-03-09', undefined, read)
    ).json();
    const week = api.points[api.points.length - 1];
    const before = api.points[api.points.length - 2];
    expect(week.period).toBe('2026-03-02');
    const content = (await call('GET', '/api/v1/digest/preview?week=2026-W10&format=json')).json();
    expect(content.indices.available).toBe(true);
    expect(content.indices.items.map((m: { key: string }) => m.key)).toEqual([
      'satisfaction',
      'advocacy',
      'trust',
    ]);
    const decimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const satisfaction = week.indices.find((i: { index: string }) => i.index === 'satisfaction');
    expect(satisfaction.value).not.toBeNull();
    expect(satisfaction.change).not.toBeNull();
    for (const [k, index] of week.indices.entries()) {
      const shown = content.indices.items[k];
      expect(shown.value).toBe(index.value);
      expect(shown.n).toBe(index.n);
      expect(shown.previous).toBe(before.indices[k].value);
      expect(shown.change).toBe(index.change?.difference ?? null);
      expect(shown.pValue).toBe(index.change?.pValue ?? null);
      expect(shown.trend).toHaveLength(12);
      expect(shown.trend.map((t: { value: number | null }) => t.value)).toEqual(
        api.points.map((p: { indices: { value: number | null }[] }) => p.indices[k].value),
      );
      if (index.value !== null) {
        expect(mail.text).toContain(`${shown.label}: ${decimal.format(index.value)}`);
        expect(mail.text).toContain(`n = ${index.n}`);
      }
    }
    expect(mail.text).toContain(`Satisfaction index: ${decimal.format(satisfaction.value)}`);
    expect(mail.text).not.toContain('indices: not available yet');
    expect(content.charts.some((c: { cid: string }) => c.cid.includes('metric-satisfaction'))).toBe(true);
  });

  it('explains the biggest mover as GET /api/v1/indices/explain splits it', async () => {
    const content = (await call('GET', '/api/v1/digest/preview?week=2026-W10&format=json')).json();
    const largest = [...content.indices.items]
      .filter((m: { change: number | null }) => m.change !== null)
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))[0];
    expect(content.biggestMover.available).toBe(true);
    const [mover] = content.biggestMover.items;
    expect(mover.metric).toBe(largest.key);
    const api = (
      await call(
        'GET',
        `/api/v1/indices/explain?metric=${mover.metric}&groupBy=channel&from=2026-03-02&to=2026-03-09`,
        undefined,
        read,
      )
    ).json();
    expect(mover.mix).toBe(api.total.mix);
    expect(mover.rate).toBe(api.total.rate);
    expect(mover.total).toBeCloseTo(mover.mix + mover.rate, 10);
    expect(mail.text).toContain(`Biggest mover: ${largest.label}`);
    expect(mail.text).toMatch(/comes from rate .* from mix/);
  });

  it('lists the week’s anomalies and emerging themes as their APIs do, and says so when there are none', async () => {
    const content = (await call('GET', '/api/v1/digest/preview?week=2026-W10&format=json')).json();
    const week = 'from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z';
    const anomalies = (
      await call('GET', '/api/v1/anomalies?from=2026-03-02&to=2026-03-09&limit=3', undefined, read)
    ).json();
    const themes = (await call('GET', `/api/v1/topics/suggestions?${week}&limit=3`)).json();
    expect(content.anomalies.available).toBe(true);
    expect(content.anomalies.items).toHaveLength(anomalies.items.length);
    expect(content.emergingThemes.available).toBe(true);
    expect(content.emergingThemes.items.map((t: { n: number }) => t.n)).toEqual(
      themes.suggestions.map((t: { recentCount: number }) => t.recentCount),
    );
    expect(mail.text).toContain('Anomalies of the week');
    expect(mail.text).toContain('Emerging themes');
    if (!anomalies.items.length) expect(mail.text).toContain('No anomaly was detected this week.');
    expect(mail.text).not.toContain('not available yet (the anomalies');
  });

  it('sends nothing the second time for the same week', async () => {
    const answer = await sendAndWait({ week: '2026-W10', subscriberId }, '2026-W10');
    expect(answer).toEqual({ week: '2026-W10', queued: 0, alreadyClaimed: 1 });
    // Even a send job run again by hand (a retried job, a second worker) finds nothing to do.
    const [row] = (await call('GET', '/api/v1/digest/deliveries?week=2026-W10')).json();
    await t.app.get(DigestDeliveryService).send(row.id, 1);
    expect(sink.received).toHaveLength(1);
  });

  it('reads sensibly for a week with no feedback', async () => {
    const preview = await call('GET', '/api/v1/digest/preview?week=2026-W12');
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-type']).toMatch(/text\/html/);
    expect(preview.body).toContain('No feedback arrived this week');
    const json = (await call('GET', '/api/v1/digest/preview?week=2026-W12&format=json')).json();
    expect(json.volume.total).toBe(0);
    expect(json.charts).toEqual([]);
  });

  it('retries a temporary SMTP failure and ends a permanent one as failed with the reason', async () => {
    sink.failNext(451);
    await sendAndWait({ week: '2026-W09', subscriberId }, '2026-W09');
    expect((await deliveries('2026-W09'))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    sink.failNext(550, 'No such user dana@example.com');
    await sendAndWait({ week: '2026-W08', subscriberId }, '2026-W08');
    const [failed] = await deliveries('2026-W08');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('550');
    expect(failed.lastError).not.toContain('dana@example.com');
  });

  it('schedules by the reader’s own clock, once even when two checks race', async () => {
    const tokyo = (
      await call('POST', '/api/v1/digest/subscribers', {
        email: 'ken@example.com',
        name: 'Ken',
        timeZone: 'Asia/Tokyo',
      })
    ).json();
    const schedule = t.app.get(DigestScheduleService);
    // The Monday after next, 07:30 and 08:30 in Tokyo (the default send time is Monday 08:00).
    const created = new Date(tokyo.createdAt);
    const daysToMonday = ((8 - created.getUTCDay()) % 7) + 7;
    const monday = new Date(
      Date.UTC(created.getUTCFullYear(), created.getUTCMonth(), created.getUTCDate() + daysToMonday),
    );
    const before = new Date(monday.getTime() - 90 * 60_000); // Mon 07:30 in Tokyo (UTC+9) = Sun 22:30 UTC
    const after = new Date(monday.getTime() - 30 * 60_000);
    const kens = async () =>
      (await call('GET', `/api/v1/digest/deliveries?subscriberId=${tokyo.id}`)).json() as {
        status: string;
      }[];
    await schedule.checkDue(before);
    expect(await kens()).toHaveLength(0);
    await Promise.all([schedule.checkDue(after), schedule.checkDue(after)]);
    const week = formatIsoWeek(lastWeekAt(after, 'Asia/Tokyo'));
    const rows = await waitFor(async () => {
      const mine = await kens();
      return mine.some((r) => r.status === 'sent') ? mine : undefined;
    }, 20_000);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ week, status: 'sent', triggeredBy: 'schedule' });
    expect((await schedule.checkDue(after)).queued).toBe(0);
    const toKen = (await sink.parsed()).filter((m) => (m.to as { text: string }).text.includes('ken@'));
    expect(toKen).toHaveLength(1);
    expect(toKen[0].text).toContain('No feedback arrived this week');
  });
});
