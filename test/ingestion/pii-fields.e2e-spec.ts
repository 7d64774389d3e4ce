import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';

const EMAIL = 'jane.doe@example.com';
const IDN_EMAIL = 'ана@пример.рф';
const CARD = '4111 1111 1111 1111';
const SECRETS = /jane\.doe|ана@|пример|4111|7946/;

describe(`personal data in every free-text field (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.keyWith('admin');
  });
  afterAll(() => t?.close());

  const post = (url: string, body: unknown) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: body as object,
      headers: { authorization: `Bearer ${admin}` },
    });
  const common = (externalId: string) => ({
    source: 'pii-test',
    externalId,
    channel: 'web',
    touchpoint: `checkout ${EMAIL}`,
    text: `Reach me at ${IDN_EMAIL} or +44 20 7946 0018`,
    metadata: { contact: EMAIL, nested: { card: CARD }, [EMAIL]: true },
    customer: {
      email: EMAIL,
      segment: `vip ${EMAIL}`,
      attributes: { owner: IDN_EMAIL, plan: 'pro' },
    },
  });

  it('stores none of it raw, in any field of any kind, and says which kinds were redacted', async () => {
    const items = [
      { ...common('p-1'), kind: 'review', product: `shoes for ${EMAIL}`, title: `card ${CARD}`, rating: 2 },
      {
        ...common('p-2'),
        kind: 'survey_response',
        question: `ask ${EMAIL}`,
        surveyId: 'nps-2026',
        npsScore: 3,
      },
      {
        ...common('p-3'),
        kind: 'social_mention',
        platform: 'x',
        author: `${IDN_EMAIL}`,
        url: `https://x.example/u?m=${EMAIL}`,
      },
      { ...common('p-4'), kind: 'call_note', agent: `agent ${EMAIL}` },
    ];
    const res = await post('/api/v1/feedback/batch', { items });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ created: 4, rejected: 0 });

    const dataSource = t.app.get(DataSource);
    const feedback = await dataSource.query(`SELECT * FROM feedback WHERE source = 'pii-test'`);
    const customers = await dataSource.query(`SELECT * FROM customers`);
    expect(feedback).toHaveLength(4);
    expect(JSON.stringify([feedback, customers])).not.toMatch(SECRETS);
    for (const row of feedback) expect(row.redacted_kinds).toMatch(/email/);

    const stored = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/feedback/${res.json().results[0].id}`,
        headers: { authorization: `Bearer ${admin}` },
      })
    ).json();
    expect(stored).toMatchObject({
      touchpoint: 'checkout [EMAIL]',
      text: 'Reach me at [EMAIL] or [PHONE]',
      redacted: ['email', 'card', 'phone'],
    });
  });

  it.each([
    ['externalId', { externalId: EMAIL }],
    ['externalId', { externalId: '+44 20 7946 0018' }],
    ['surveyId', { surveyId: IDN_EMAIL }],
  ])('refuses personal data in the identifier %s with 400, storing nothing', async (field, fields) => {
    const res = await post('/api/v1/feedback', {
      kind: 'survey_response',
      source: 'pii-refused',
      channel: 'email',
      npsScore: 9,
      ...fields,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual([{ field, reason: expect.stringMatching(/personal data/) }]);
    const rows = await t.app.get(DataSource).query(`SELECT id FROM feedback WHERE source = 'pii-refused'`);
    expect(rows).toHaveLength(0);
  });
});
