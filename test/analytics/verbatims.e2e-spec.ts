import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { caller, Inject, ingestAnalysed } from './analytics-fixtures';

jest.setTimeout(90_000);

describe(`verbatims (${TEST_TARGET})`, () => {
  let t: TestApp;
  let call: Inject;
  let reader: Inject;
  const base = { kind: 'review', source: 'shop', rating: 1, scale: 5 };

  beforeAll(async () => {
    t = await createTestApp();
    call = caller(t, await t.keyWith('admin'));
    reader = caller(t, await t.keyWith('read'));
    const items = [
      {
        ...base,
        externalId: 'v1',
        channel: 'web',
        text: 'Checkout failed, my card was declined twice. Awful.',
        occurredAt: '2026-04-27T10:00:00Z',
        customer: { email: 'ann@example.com' },
      },
      {
        ...base,
        externalId: 'v2',
        channel: 'mobile_app',
        text: 'The checkout page crashed and I could not pay.',
        occurredAt: '2026-04-28T10:00:00Z',
      },
      {
        ...base,
        externalId: 'v3',
        channel: 'web',
        rating: 5,
        text: 'Lovely staff, delivery was quick and friendly.',
        occurredAt: '2026-04-29T10:00:00Z',
      },
      {
        ...base,
        externalId: 'v4',
        channel: 'email',
        text: '=HYPERLINK("http://evil") checkout, "quoted", and commas',
        occurredAt: '2026-04-30T10:00:00Z',
      },
      {
        ...base,
        externalId: 'v5',
        channel: 'web',
        text: 'Café checkouts: paying was slow but fine.',
        occurredAt: '2026-05-01T10:00:00Z',
      },
    ];
    await ingestAnalysed(call, items);
  });
  afterAll(() => t?.close());

  it('finds every word of the search, marks the matches and inlines the analysis', async () => {
    const res = await reader('GET', '/api/v1/verbatims?q=checkout%20declined');
    expect(res.statusCode).toBe(200);
    const { items, nextCursor } = res.json();
    expect(items).toHaveLength(1);
    expect(nextCursor).toBeNull();
    const [v] = items;
    expect(v.text).toContain('declined');
    expect(v.highlights.map((h: { start: number; end: number }) => v.text.slice(h.start, h.end))).toEqual([
      'Checkout',
      'declined',
    ]);
    expect(v.highlightedText).toContain('<mark>Checkout</mark>');
    expect(v.relevance).toBeGreaterThan(0);
    expect(v.analysis.sentimentLabel).toBe('negative');
    expect(Array.isArray(v.analysis.topics)).toBe(true);
  });

  it('ranks by relevance by default and by recency on request, with prefixes and accents folded', async () => {
    const byRecency = (await reader('GET', '/api/v1/verbatims?q=checkout*&sort=recency')).json().items;
    expect(byRecency.map((v: { occurredAt: string }) => v.occurredAt)).toEqual(
      [...byRecency.map((v: { occurredAt: string }) => v.occurredAt)].sort().reverse(),
    );
    expect(byRecency).toHaveLength(4); // checkouts matches the prefix, the delivery praise does not
    const cafe = (await reader('GET', '/api/v1/verbatims?q=cafe')).json().items;
    expect(cafe).toHaveLength(1);
  });

  it('filters by channel, sentiment, signal, topic and date range', async () => {
    const web = (await reader('GET', '/api/v1/verbatims?channel=web,email')).json().items;
    expect(web.map((v: { channel: string }) => v.channel).sort()).toEqual(['email', 'web', 'web', 'web']);
    const positive = (await reader('GET', '/api/v1/verbatims?sentiment=positive')).json().items;
    expect(
      positive.every(
        (v: { analysis: { sentimentLabel: string } }) => v.analysis.sentimentLabel === 'positive',
      ),
    ).toBe(true);
    expect(positive.map((v: { text: string }) => v.text)).toContain(
      'Lovely staff, delivery was quick and friendly.',
    );
    const all = (await reader('GET', '/api/v1/verbatims')).json().items;
    const withTopic = all.find((v: { analysis: { topics: unknown[] } }) => v.analysis?.topics.length);
    const topic = withTopic.analysis.topics[0].key;
    const byTopic = (await reader('GET', `/api/v1/verbatims?topic=${topic}`)).json().items;
    expect(byTopic.length).toBeGreaterThan(0);
    expect(
      byTopic.every((v: { analysis: { topics: { key: string }[] } }) =>
        v.analysis.topics.some((x) => x.key === topic),
      ),
    ).toBe(true);
    const withSignal = all.find((v: { analysis: { signals: string[] } }) => v.analysis?.signals.length);
    const signal = withSignal.analysis.signals[0];
    const bySignal = (await reader('GET', `/api/v1/verbatims?signal=${signal}`)).json().items;
    expect(
      bySignal.every((v: { analysis: { signals: string[] } }) => v.analysis.signals.includes(signal)),
    ).toBe(true);
    const range = (await reader('GET', '/api/v1/verbatims?from=2026-04-28&to=2026-04-30')).json().items;
    expect(range.map((v: { occurredAt: string }) => v.occurredAt)).toEqual([
      '2026-04-29T10:00:00.000Z',
      '2026-04-28T10:00:00.000Z',
    ]);
  });

  it('pages one topic newest first from its mentions exactly as the general filter does', async () => {
    const all = (await reader('GET', '/api/v1/verbatims')).json().items;
    const topic = all.find((v: { analysis: { topics: unknown[] } }) => v.analysis?.topics.length).analysis
      .topics[0].key;
    const ids = (items: { id: string }[]) => items.map((v) => v.id);
    // Two topics take the general path (EXISTS); the second lists nothing, so the answers must match.
    const general = ids((await reader('GET', `/api/v1/verbatims?topic=${topic},no-such-topic`)).json().items);
    const paged: string[] = [];
    let cursor = '';
    do {
      const page = (await reader('GET', `/api/v1/verbatims?topic=${topic}&limit=1${cursor}`)).json();
      paged.push(...ids(page.items));
      cursor = page.nextCursor ? `&cursor=${page.nextCursor}` : '';
    } while (cursor);
    expect(general.length).toBeGreaterThan(0);
    expect(paged).toEqual(general);
  });

  it('pages with cursors and refuses a cursor from another query', async () => {
    const first = (await reader('GET', '/api/v1/verbatims?limit=2')).json();
    const second = (await reader('GET', `/api/v1/verbatims?limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await reader('GET', `/api/v1/verbatims?limit=2&cursor=${second.nextCursor}`)).json();
    const ids = [...first.items, ...second.items, ...third.items].map((v: { id: string }) => v.id);
    expect(new Set(ids).size).toBe(5);
    expect(third.nextCursor).toBeNull();
    const relevance = (await reader('GET', '/api/v1/verbatims?q=checkout*&limit=3')).json();
    const rest = (
      await reader('GET', `/api/v1/verbatims?q=checkout*&limit=3&cursor=${relevance.nextCursor}`)
    ).json();
    expect([...relevance.items, ...rest.items]).toHaveLength(4);
    const other = await reader('GET', `/api/v1/verbatims?channel=web&limit=2&cursor=${first.nextCursor}`);
    expect(other.statusCode).toBe(400);
    expect(other.json().details).toEqual([{ field: 'cursor', reason: 'belongs to another query' }]);
  });

  it.each([
    ['channel=fax', 'channel'],
    ['sentiment=angry', 'sentiment'],
    ['signal=x', 'signal'],
    ['from=2026-05-01&to=2026-04-01', 'from'],
    ['from=yesterday', 'from'],
    ['q=%2A%2A%2A', 'q'],
    ['sort=relevance', 'sort'],
    ['limit=0', 'limit'],
    ['cursor=garbage', 'cursor'],
    ['nope=1', 'nope'],
  ])('answers 400 naming the field for %s', async (query, field) => {
    const res = await reader('GET', `/api/v1/verbatims?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('streams CSV with a header row, RFC 4180 quoting and formulas neutralised', async () => {
    const res = await reader('GET', '/api/v1/verbatims?q=checkout*', undefined, { accept: 'text/csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = res.body.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'id,occurredAt,kind,source,channel,touchpoint,journeyStage,segment,language,sentiment,sentimentScore,topics,signals,relevance,text',
    );
    expect(lines).toHaveLength(5);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil"") checkout, ""quoted"", and commas"`);
  });

  it('forgets erased text at once (the search index follows the erasure)', async () => {
    const before = (await reader('GET', '/api/v1/verbatims?q=declined')).json().items;
    expect(before).toHaveLength(1);
    const customerId = before[0].customerId;
    expect((await call('DELETE', `/api/v1/customers/${customerId}`)).statusCode).toBe(204);
    expect((await reader('GET', '/api/v1/verbatims?q=declined')).json().items).toHaveLength(0);
    expect((await reader('GET', '/api/v1/verbatims?q=checkout*')).json().items).toHaveLength(3);
  });
});
