import { DataSource } from 'typeorm';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { waitFor } from '../helpers/wait-for';

jest.setTimeout(60_000);

describe(`analysis (${TEST_TARGET})`, () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.keyWith('admin');
  });
  afterAll(() => t?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${admin}` },
      ...(body !== undefined ? { payload: body as object } : {}),
    });

  const analysed = (id: string) =>
    waitFor(async () => {
      const f = (await call('GET', `/api/v1/feedback/${id}`)).json();
      return f.analysisStatus !== 'pending' ? f : undefined;
    }, 20_000);

  it('scores texts synchronously with sentence, topic and signal detail, storing nothing', async () => {
    const res = await call('POST', '/api/v1/analyze', {
      texts: [
        'The food was great but the service was painfully slow.',
        'I want to cancel my subscription, I am switching to a competitor.',
        'Das Essen war sehr gut und der Service freundlich.',
      ],
    });
    expect(res.statusCode).toBe(200);
    const { version, results } = res.json();
    expect(version).toMatch(/^engine-/);
    const [mixed, churn, german] = results;
    expect(mixed.sentences.length).toBeGreaterThanOrEqual(1);
    expect(mixed.topics.length).toBeGreaterThanOrEqual(1);
    for (const topic of mixed.topics) {
      expect(topic.key).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
      expect(topic).toHaveProperty('parentKey');
      expect(typeof topic.name).toBe('string');
    }
    expect(mixed.sentiment.explanation.length).toBeGreaterThan(0);
    expect(churn.signals.map((s: { type: string }) => s.type)).toContain('churn_risk');
    expect(german).toMatchObject({ language: 'de', supported: false, sentiment: null });
    const stored = (await call('GET', '/api/v1/feedback')).json();
    expect(stored.items).toHaveLength(0);
  });

  it('refuses more than 100 texts', async () => {
    const res = await call('POST', '/api/v1/analyze', { texts: Array(101).fill('ok') });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('texts');
  });

  it('marks items without text as skipped, not as neutral', async () => {
    const { id } = (
      await call('POST', '/api/v1/feedback', {
        kind: 'survey_response',
        source: 'typeform',
        npsScore: 9,
        channel: 'email',
      })
    ).json();
    expect((await analysed(id)).analysisStatus).toBe('skipped');
    const analysis = await call('GET', `/api/v1/feedback/${id}/analysis`);
    expect(analysis.statusCode).toBe(200);
    expect(analysis.json()).toMatchObject({ status: 'skipped', reason: 'no text to analyse', result: null });
  });

  it('sets the detected language on items that came without one, and keeps a language the sender gave', async () => {
    const text = 'The delivery was late and the box was damaged.';
    const post = async (extra: object) =>
      (await call('POST', '/api/v1/feedback', { kind: 'review', source: 'lang', text, ...extra })).json().id;
    const [bare, given] = [await post({}), await post({ language: 'fr' })];
    expect(await analysed(bare)).toMatchObject({ analysisStatus: 'analysed', language: 'en' });
    expect(await analysed(given)).toMatchObject({ analysisStatus: 'analysed', language: 'fr' });
    const analysis = (await call('GET', `/api/v1/feedback/${bare}/analysis`)).json();
    expect(analysis.status).toBe('analysed');
    expect(analysis.result.language).toBe('en');
  });

  it('lets admins edit the taxonomy, and a change re-analyses stored feedback with progress', async () => {
    const topics = (await call('GET', '/api/v1/topics')).json();
    expect(topics.length).toBeGreaterThan(5);
    const text = 'The zorblax widget jammed again, the zorblax is useless.';
    const { id } = (
      await call('POST', '/api/v1/feedback', { kind: 'review', source: 'shop', text, rating: 1, scale: 5 })
    ).json();
    const before = await analysed(id);
    expect(before.analysisStatus).toBe('analysed');
    const first = (await call('GET', `/api/v1/feedback/${id}/analysis`)).json();
    expect(first.result.topics.map((x: { key: string }) => x.key)).not.toContain('zorblax');

    const created = await call('POST', '/api/v1/topics', {
      key: 'zorblax',
      name: 'Zorblax widget',
      phrases: ['zorblax'],
    });
    expect(created.statusCode).toBe(201);
    const { reprocessId } = created.json();
    const run = await waitFor(async () => {
      const r = (await call('GET', `/api/v1/analysis/reprocess/${reprocessId}`)).json();
      return r.status === 'completed' ? r : undefined;
    }, 30_000);
    expect(run.total).toBeGreaterThanOrEqual(1);
    expect(run.progress).toBe(1);
    const second = (await call('GET', `/api/v1/feedback/${id}/analysis`)).json();
    expect(second.version).not.toBe(first.version);
    const zorblax = second.result.topics.find((x: { key: string }) => x.key === 'zorblax');
    expect(zorblax.sentiment.label).toBe('negative');
    expect(zorblax.evidence.length).toBeGreaterThan(0);
  });

  it('refuses bad topics with the field and reason', async () => {
    expect(
      (await call('POST', '/api/v1/topics', { key: 'Bad Key!', name: 'x' })).json().details[0].field,
    ).toBe('key');
    expect(
      (await call('POST', '/api/v1/topics', { key: 'orphan', name: 'x', parentKey: 'nope' })).statusCode,
    ).toBe(409);
    expect((await call('PATCH', '/api/v1/topics/does-not-exist', { name: 'x' })).statusCode).toBe(404);
  });

  it('re-processes on request for a filter, idempotently', async () => {
    const res = await call('POST', '/api/v1/analysis/reprocess', { filter: { source: 'shop' } });
    expect(res.statusCode).toBe(202);
    const done = await waitFor(async () => {
      const r = (await call('GET', `/api/v1/analysis/reprocess/${res.json().id}`)).json();
      return r.status === 'completed' ? r : undefined;
    }, 30_000);
    expect(done.total).toBe(1);
    expect(done.failed).toBe(0);
  });

  /** `recent` texts in the week from `weekStart` and `old` texts in the four weeks before it, all analysed. */
  const postWeek = async (source: string, weekStart: string, recent: string[], old: string[]) => {
    const day = 24 * 3600 * 1000;
    const at = Date.parse(weekStart);
    const items = [
      ...recent.map((text, i) => ({ at: at + (i % 7) * day + 3600_000, text, externalId: `new-${i}` })),
      ...old.map((text, i) => ({ at: at - (1 + (i % 28)) * day, text, externalId: `old-${i}` })),
    ].map(({ at: occurred, text, externalId }) => ({
      kind: 'review',
      source,
      externalId,
      occurredAt: new Date(occurred).toISOString(),
      text,
    }));
    const batch = (await call('POST', '/api/v1/feedback/batch', { items })).json();
    expect(batch.created).toBe(items.length);
    const ids: string[] = batch.results.map((r: { id: string }) => r.id);
    for (const id of ids) expect((await analysed(id)).analysisStatus).toBe('analysed');
    return ids.slice(0, recent.length);
  };
  const everyday = (n: number) =>
    Array.from({ length: n }, (_, i) => ['Bought this for my nephew.', 'Nice colour and decent box.'][i % 2]);

  it('themes read covered texts too, each judged by its newest analysis until re-analysis reaches it', async () => {
    const ids = await postWeek(
      'upgraded',
      '2020-03-02',
      Array.from({ length: 10 }, (_, i) => `The Zorblax courier delivery was late again, parcel ${i}`),
      everyday(60),
    );
    // As after an upgrade: these items hold only an older pipeline version's analysis (with its topics).
    const db = t.app.get(DataSource);
    const marks = ids.map(() => '?').join(', ');
    for (const table of ['feedback_analysis', 'feedback_topics'])
      await db.query(
        `UPDATE ${table} SET pipeline_version = 'engine-0+old' WHERE feedback_id IN (${marks})`,
        ids,
      );
    const window = 'from=2020-03-02&to=2020-03-09';
    const answer = (await call('GET', `/api/v1/topics/suggestions?${window}`)).json();
    expect(answer.window.baselineFrom).toBe('2020-02-03T00:00:00.000Z');
    expect([answer.recentTexts, answer.baselineTexts]).toEqual([10, 60]);
    const [first] = answer.suggestions;
    expect(first.phrase).toMatch(/courier|delivery|late/);
    expect(first.phrase).not.toMatch(/zorblax/);
    expect(ids).toEqual(expect.arrayContaining(first.exampleIds));
    expect(first.coveredShare).toBe(1);
    expect(first.coveredBy.length).toBeGreaterThan(0);
    expect(first.pValue).toBeLessThan(0.001);
    const uncovered = (await call('GET', `/api/v1/topics/suggestions?${window}&uncoveredOnly=true`)).json();
    expect(uncovered.recentTexts).toBe(0);
    expect(uncovered.suggestions).toEqual([]);
  });

  it('refuses a window that ends before it starts', async () => {
    const res = await call('GET', '/api/v1/topics/suggestions?from=2020-03-09&to=2020-03-02');
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].field).toBe('from');
  });

  it('suggests emerging themes for any window and turns one into a topic', async () => {
    const ids = await postWeek(
      'themes',
      '2020-06-01',
      Array.from({ length: 10 }, (_, i) => `The quantum flux capacitor sparkles oddly ${i}`),
      everyday(60),
    );
    const answer = (await call('GET', '/api/v1/topics/suggestions?from=2020-06-01&to=2020-06-08')).json();
    expect([answer.recentTexts, answer.baselineTexts]).toEqual([10, 60]);
    const theme = answer.suggestions[0];
    expect(theme.phrase).toMatch(/quantum|flux|capacitor|sparkles/);
    expect(theme).toMatchObject({ recentCount: 10, baselineCount: 0, isNew: true });
    expect(ids).toEqual(expect.arrayContaining(theme.exampleIds));
    const accepted = await call('POST', '/api/v1/topics/suggestions/accept', { phrase: theme.phrase });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().topic.phrases).toEqual([theme.phrase]);
  });
});
