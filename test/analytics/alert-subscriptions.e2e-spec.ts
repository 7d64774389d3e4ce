import { Webhook } from 'standardwebhooks';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';
import { AlertReceiver } from './alert-receiver';
import { caller, Inject } from './analytics-fixtures';

jest.setTimeout(60_000);

describe(`alert subscriptions (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: Inject;
  let reader: Inject;
  const receiver = new AlertReceiver();
  let url: string;

  beforeAll(async () => {
    url = await receiver.start();
    t = await createTestApp();
    admin = caller(t, await t.keyWith('admin'));
    reader = caller(t, await t.keyWith('read'));
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  const delivered = (subscriptionId: string, deliveryId: string) =>
    waitFor(
      async () => {
        const log = (await admin('GET', `/api/v1/alerts/subscriptions/${subscriptionId}/deliveries`)).json();
        const d = log.find((x: { id: string }) => x.id === deliveryId);
        return d?.status === 'delivered' ? d : undefined;
      },
      20_000,
      100,
    );

  it('shows the secret once, lists without it, and is admin only', async () => {
    const res = await admin('POST', '/api/v1/alerts/subscriptions', {
      name: 'on-call',
      url,
      kinds: ['volume_spike'],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.secret).toMatch(/^whsec_/);
    expect(created).toMatchObject({ name: 'on-call', url, kinds: ['volume_spike'], active: true });
    const listed = (await admin('GET', '/api/v1/alerts/subscriptions')).json();
    expect(listed.find((s: { id: string }) => s.id === created.id)).not.toHaveProperty('secret');
    expect((await admin('GET', `/api/v1/alerts/subscriptions/${created.id}`)).json()).not.toHaveProperty(
      'secret',
    );
    expect((await reader('GET', '/api/v1/alerts/subscriptions')).statusCode).toBe(403);
    const paused = await admin('PATCH', `/api/v1/alerts/subscriptions/${created.id}`, { active: false });
    expect(paused.json().active).toBe(false);
    expect((await admin('DELETE', `/api/v1/alerts/subscriptions/${created.id}`)).statusCode).toBe(204);
    expect((await admin('GET', `/api/v1/alerts/subscriptions/${created.id}`)).statusCode).toBe(404);
  });

  it.each([
    [{ name: 'x', url: 'ftp://example.com', kinds: ['volume_spike'] }, 'url'],
    [{ name: 'x', url: 'RECEIVER', kinds: ['earthquake'] }, 'kinds'],
    [{ name: 'x', url: 'RECEIVER', kinds: [] }, 'kinds'],
    [{ url: 'RECEIVER', kinds: ['volume_spike'] }, 'name'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const res = await admin('POST', '/api/v1/alerts/subscriptions', {
      ...body,
      url: body.url === 'RECEIVER' ? url : body.url,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('test-sends a Standard Webhooks signed delivery that verifies with the secret', async () => {
    const { id, secret } = (
      await admin('POST', '/api/v1/alerts/subscriptions', {
        name: 'sig',
        url,
        kinds: ['negative_share_spike'],
      })
    ).json();
    const before = receiver.received.length;
    const queued = await admin('POST', `/api/v1/alerts/subscriptions/${id}/test`);
    expect(queued.statusCode).toBe(202);
    const log = await delivered(id, queued.json().id);
    expect(log).toMatchObject({ eventType: 'alert.test', attempts: 1, lastStatusCode: 204 });
    const got = receiver.received[before];
    expect(got.headers['webhook-id']).toBe(queued.json().id);
    const verified = new Webhook(secret).verify(got.body, got.headers as Record<string, string>) as {
      type: string;
    };
    expect(verified.type).toBe('alert.test');
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(
        got.body,
        got.headers as Record<string, string>,
      ),
    ).toThrow();
  });

  it('retries a failing receiver with backoff under the same webhook-id, logging every try', async () => {
    const { id } = (
      await admin('POST', '/api/v1/alerts/subscriptions', { name: 'flaky', url, kinds: ['volume_spike'] })
    ).json();
    receiver.answerWith(503);
    const before = receiver.received.length;
    const queued = (await admin('POST', `/api/v1/alerts/subscriptions/${id}/test`)).json();
    const log = await delivered(id, queued.id);
    expect(log.attempts).toBe(2);
    const tries = receiver.received.slice(before).filter((r) => r.headers['webhook-id'] === queued.id);
    expect(tries).toHaveLength(2);
    expect(Number(tries[1].headers['webhook-timestamp'])).toBeGreaterThanOrEqual(
      Number(tries[0].headers['webhook-timestamp']),
    );
  });
});
