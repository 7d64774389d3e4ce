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

  it("judges coverage for suggestions by an item's newest analysis until re-analysis reaches it", async () => {
    const now = Date.now();
    const items = Array.from({ length: 6 }, (_, i) => ({
      kind: 'review',
      source: 'upgraded',
      externalId: `zorblax-${i}`,
      occurredAt: new Date(now - i * 3600_000).toISOString(),
      text: `The Zorblax courier delivery was late again, parcel ${i}`,
    }));
    // A baseline period of uncovered texts, or nothing can be said to emerge.
    const baseline = Array.from({ length: 20 }, (_, i) => ({
      kind: 'review',
      source: 'upgraded',
      externalId: `baseline-${i}`,
      occurredAt: new Date(now - (20 + i) * 24 * 3600_000).toISOString(),
      text: `Bought this for my nephew ${i}`,
    }));
    const batch = (await call('POST', '/api/v1/feedback/batch', { items: [...items, ...baseline] })).json();
    expect(batch.created).toBe(26);
    const ids: string[] = batch.results.slice(0, 6).map((r: { id: string }) => r.id);
    for (const id of ids) expect((await analysed(id)).analysisStatus).toBe('analysed');
    // As after an upgrade: these items hold only an older pipeline version's analysis (with its topics).
    const db = t.app.get(DataSource);
    const marks = ids.map(() => '?').join(', ');
    for (const table of ['feedback_analysis', 'feedback_topics'])
      await db.query(
        `UPDATE ${table} SET pipeline_version = 'engine-0+old' WHERE feedback_id IN (${marks})`,
        ids,
      );
    const { suggestions } = (
      await call('GET', '/api/v1/topics/suggestions?recentDays=14&baselineDays=56')
    ).json();
    const phrases = suggestions.map((s: { phrase: string }) => s.phrase);
    expect(phrases.filter((p: string) => /zorblax/.test(p))).toEqual([]);
  });

  it('suggests emerging themes among uncovered feedback and turns one into a topic', async () => {
    const now = Date.now();
    const day = 24 * 3600 * 1000;
    const items = [
      ...Array.from({ length: 8 }, (_, i) => ({
        kind: 'review',
        source: 'themes',
        externalId: `new-${i}`,
        occurredAt: new Date(now - (i % 5) * day).toISOString(),
        text: `The quantum flux capacitor sparkles oddly ${i}`,
      })),
      ...Array.from({ length: 20 }, (_, i) => ({
        kind: 'review',
        source: 'themes',
        externalId: `old-${i}`,
        occurredAt: new Date(now - (20 + i) * day).toISOString(),
        text: `Nice colour and decent box ${i}`,
      })),
    ];
    const batch = (await call('POST', '/api/v1/feedback/batch', { items })).json();
    expect(batch.created).toBe(28);
    await waitFor(
      async () =>
        (await call('GET', '/api/v1/feedback?source=themes&analysisStatus=pending')).json().items.length === 0
          ? true
          : undefined,
      20_000,
    );
    const answer = (await call('GET', '/api/v1/topics/suggestions?recentDays=14&baselineDays=56')).json();
    // What was read: at least this test's uncovered texts, its 8 recent and 20 older ones.
    expect(answer.uncoveredRecentTexts).toBeGreaterThanOrEqual(8);
    expect(answer.uncoveredBaselineTexts).toBeGreaterThanOrEqual(20);
    const { suggestions } = answer;
    const theme = suggestions.find((s: { phrase: string }) => /quantum flux/.test(s.phrase));
    expect(theme).toBeDefined();
    expect(theme.examples.length).toBeGreaterThan(0);
    const accepted = await call('POST', '/api/v1/topics/suggestions/accept', { phrase: theme.phrase });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().topic.phrases).toEqual([theme.phrase]);
  });
});
