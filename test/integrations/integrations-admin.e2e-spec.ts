import { TYPEFORM_NPS_EXAMPLE } from '../../src/modules/integrations/field-mapping/example-mappings';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';

describe(`integrations admin API (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.keyWith('admin');
  });
  afterAll(() => t?.close());

  const api = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, key = admin) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${key}` },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  const typeform = {
    name: 'Typeform NPS',
    source: 'typeform',
    fieldMapping: TYPEFORM_NPS_EXAMPLE.mapping,
    constants: TYPEFORM_NPS_EXAMPLE.constants,
  };

  it('registers an integration and shows its secret once', async () => {
    const created = await api('POST', '/api/v1/integrations', typeform);
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      name: 'Typeform NPS',
      source: 'typeform',
      kind: null,
      enabled: true,
      webhookPath: `/api/v1/webhooks/${body.id}`,
    });
    expect(body.fieldMapping).toEqual(TYPEFORM_NPS_EXAMPLE.mapping);
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const one = await api('GET', `/api/v1/integrations/${body.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).not.toHaveProperty('secret');
    const list = await api('GET', '/api/v1/integrations');
    expect(list.json().map((i: { id: string }) => i.id)).toContain(body.id);
    expect(JSON.stringify([one.json(), list.json()])).not.toContain(body.secret.slice(6));
  });

  it.each([
    ['an unknown target', { ...typeform, fieldMapping: { stars: '$.x' } }, 'fieldMapping.stars'],
    [
      'a path that is not JSONPath',
      { ...typeform, fieldMapping: { text: 'body.text' } },
      'fieldMapping.text',
    ],
    [
      'a prototype-polluting path',
      { ...typeform, fieldMapping: { text: '$.__proto__.x' } },
      'fieldMapping.text',
    ],
    [
      'a bad constant',
      { ...typeform, constants: { 'customer.password': 'x' } },
      'constants.customer.password',
    ],
    ['a bad itemsPath', { ...typeform, itemsPath: '$..events' }, 'itemsPath'],
  ])('refuses %s with 400 naming the field', async (_name, body, field) => {
    const res = await api('POST', '/api/v1/integrations', body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'INVALID_FIELD_MAPPING',
      details: [expect.objectContaining({ field, reason: expect.any(String) })],
    });
  });

  it.each([
    ['a source that is not a slug', { name: 'x', source: 'Type Form' }, 'source'],
    ['an unknown kind', { name: 'x', source: 'x', kind: 'tweet' }, 'kind'],
    ['an unknown property', { name: 'x', source: 'x', secret: 'whsec_mine' }, 'secret'],
  ])('refuses %s with 400', async (_name, body, field) => {
    const res = await api('POST', '/api/v1/integrations', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('updates name, mapping and enabled, validating the mapping', async () => {
    const { id } = (await api('POST', '/api/v1/integrations', typeform)).json();
    const renamed = await api('PATCH', `/api/v1/integrations/${id}`, {
      name: 'Typeform (EU)',
      fieldMapping: { text: '$.comment' },
      enabled: false,
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({
      name: 'Typeform (EU)',
      fieldMapping: { text: '$.comment' },
      enabled: false,
      constants: TYPEFORM_NPS_EXAMPLE.constants,
    });
    const bad = await api('PATCH', `/api/v1/integrations/${id}`, { fieldMapping: { text: 42 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].field).toBe('fieldMapping.text');
    expect((await api('GET', `/api/v1/integrations/${id}`)).json().fieldMapping).toEqual({
      text: '$.comment',
    });
    const nulls = await api('PATCH', `/api/v1/integrations/${id}`, {
      name: null,
      enabled: null,
      constants: null,
    });
    expect(nulls.statusCode).toBe(200);
    expect(nulls.json()).toMatchObject({ name: 'Typeform (EU)', enabled: false, constants: null });
  });

  it('disables on DELETE, and answers 404 for an unknown id', async () => {
    const { id } = (await api('POST', '/api/v1/integrations', typeform)).json();
    expect((await api('DELETE', `/api/v1/integrations/${id}`)).statusCode).toBe(204);
    expect((await api('GET', `/api/v1/integrations/${id}`)).json().enabled).toBe(false);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const [method, url] of [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['POST', '/rotate-secret'],
    ] as const) {
      const res = await api(
        method,
        `/api/v1/integrations/${unknown}${url}`,
        method === 'GET' || method === 'DELETE' ? undefined : {},
      );
      expect(res.statusCode).toBe(404);
    }
  });

  it('rotates the secret (24 h grace by default) and bounds graceSeconds', async () => {
    const { id, secret } = (await api('POST', '/api/v1/integrations', typeform)).json();
    const rotated = await api('POST', `/api/v1/integrations/${id}/rotate-secret`, {});
    expect(rotated.statusCode).toBe(200);
    expect(rotated.json().secret).not.toBe(secret);
    const grace = Date.parse(rotated.json().previousSecretExpiresAt) - Date.now();
    expect(grace).toBeGreaterThan(23.9 * 3600_000);
    expect(grace).toBeLessThanOrEqual(24 * 3600_000 + 1000);
    expect(
      (await api('POST', `/api/v1/integrations/${id}/rotate-secret`, { graceSeconds: -1 })).statusCode,
    ).toBe(400);
  });

  it('needs the admin scope', async () => {
    const reader = await t.keyWith('read', 'ingest');
    expect((await api('GET', '/api/v1/integrations', undefined, reader)).statusCode).toBe(403);
    expect((await api('POST', '/api/v1/integrations', typeform, reader)).statusCode).toBe(403);
  });

  it('documents the routes in OpenAPI, the webhook receiver without bearer auth', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json();
    expect(doc.paths['/api/v1/integrations'].post.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/v1/integrations/{id}/rotate-secret'].post.tags).toEqual(['integrations']);
    const receiver = doc.paths['/api/v1/webhooks/{integrationId}'].post;
    expect(receiver.security).toBeUndefined();
    expect(receiver.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['webhook-id', 'webhook-timestamp', 'webhook-signature']),
    );
  });
});
