import { DataSource } from 'typeorm';
import { UNSUBSCRIBE_TOKENS } from '../../src/modules/digest/digest.service';
import { UnsubscribeTokens } from '../../src/modules/digest/unsubscribe-token';
import { createTestApp, TestApp } from '../helpers/create-test-app';

describe('Digest subscribers (admin) and one-click unsubscribe', () => {
  let t: TestApp;
  let admin: string;
  let reader: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.keyWith('admin');
    reader = await t.keyWith('read');
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, key = admin) =>
    t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${key}` } });

  it('creates, lists, updates and erases; the address is stored only encrypted', async () => {
    const created = await call('POST', '/api/v1/digest/subscribers', {
      email: 'Dana@Example.com',
      name: 'Dana Reyes',
      timeZone: 'Europe/London',
      locale: 'de-DE',
      slice: { touchpoint: 'checkout' },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      email: 'Dana@Example.com',
      timeZone: 'Europe/London',
      sendDay: 1,
      sendHour: 8,
      locale: 'de-DE',
      slice: { touchpoint: 'checkout' },
    });
    const row = await t.app.get(DataSource).query('SELECT * FROM digest_subscribers WHERE id = ?', [body.id]);
    expect(JSON.stringify(row)).not.toMatch(/dana/i);
    expect(row[0].email_hash).toMatch(/^[0-9a-f]{64}$/);

    const duplicate = await call('POST', '/api/v1/digest/subscribers', {
      email: 'dana@example.COM',
      name: 'D',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().details.existingId).toBe(body.id);

    const patched = await call('PATCH', `/api/v1/digest/subscribers/${body.id}`, {
      sendHour: 7,
      slice: null,
    });
    expect(patched.json()).toMatchObject({ sendHour: 7, slice: null, email: 'Dana@Example.com' });
    expect((await call('GET', '/api/v1/digest/subscribers')).json().map((s: { id: string }) => s.id)).toEqual(
      [body.id],
    );
    expect((await call('GET', '/api/v1/digest/subscribers', undefined, reader)).statusCode).toBe(403);

    expect((await call('DELETE', `/api/v1/digest/subscribers/${body.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/v1/digest/subscribers/${body.id}`)).statusCode).toBe(404);
    const left = await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM digest_subscribers');
    expect(Number(left[0].n)).toBe(0);
  });

  it('refuses bad input with the field and the reason', async () => {
    const response = await call('POST', '/api/v1/digest/subscribers', {
      email: 'not-an-address',
      name: '',
      timeZone: 'Mars/Olympus',
      sendDay: 8,
      sendHour: 24,
      locale: 'xx-invalid-locale-tag-!!',
      slice: { channel: 5, planet: 'mars' },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'email',
        'name',
        'timeZone',
        'sendDay',
        'sendHour',
        'locale',
        'slice.channel',
        'slice.planet',
      ]),
    );
  });

  it('unsubscribes in one click without an API key: GET confirms, a form POST (RFC 8058) erases', async () => {
    const { id } = (
      await call('POST', '/api/v1/digest/subscribers', { email: 'lee@example.com', name: 'Lee' })
    ).json();
    const token = t.app.get<UnsubscribeTokens>(UNSUBSCRIBE_TOKENS).sign(id);
    const url = `/api/v1/digest/unsubscribe?token=${encodeURIComponent(token)}`;

    const confirm = await t.app.inject({ method: 'GET', url });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.headers['content-type']).toMatch(/text\/html/);
    expect(confirm.body).toContain('<form method="post"');
    expect((await call('GET', `/api/v1/digest/subscribers/${id}`)).statusCode).toBe(200); // GET alone keeps it

    const oneClick = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('You are unsubscribed');
    expect((await call('GET', `/api/v1/digest/subscribers/${id}`)).statusCode).toBe(404);
    // Clicked again from an old email: still a calm answer.
    expect((await t.app.inject({ method: 'POST', url })).statusCode).toBe(200);
  });

  it('refuses a forged token, and form bodies anywhere else', async () => {
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/digest/unsubscribe?token=abc.def' });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().details[0].field).toBe('token');
    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/digest/subscribers',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${admin}` },
      payload: 'email=a@b.c',
    });
    expect(elsewhere.statusCode).toBe(415);
  });
});
