import { BOUNDED_SEARCH } from '../../src/modules/verbatims/common-words';
import { createTestApp, TestApp } from '../helpers/create-test-app';
import { TEST_TARGET } from '../helpers/test-target';
import { caller, Inject, ingestAnalysed } from './analytics-fixtures';

jest.setTimeout(90_000);

interface Verbatim {
  id: string;
  channel: string;
  text: string;
  occurredAt: string;
  relevance: number;
  highlights: { start: number; end: number }[];
}

// The bounded ranking for very common words, at a small scale: the same code with its thresholds divided
// (a probe of 20 items instead of 1,000, 30 candidates instead of 200, at most 200 items looked at, and 12
// estimated matches over the history instead of 2,000: "refund", 10 of the newest 20, is ~63).
// MySQL only: SQLite's FTS5 ranks common words fast itself (VerbatimsRepository.boundsCommonWords), which the last
// test checks there.
const onMysql = TEST_TARGET === 'mysql' ? it : it.skip;
const onSqlite = TEST_TARGET === 'mysql' ? it.skip : it;

describe(`verbatims: relevance over the newest matches of a very common word (${TEST_TARGET})`, () => {
  let t: TestApp;
  let reader: Inject;
  const saved = { ...BOUNDED_SEARCH };
  // 120 items an hour apart: every other one says "refund" (every sixth twice), 3 say "voucher", and 12 (one in
  // ten) say "parcel": 2 of the newest 20, rare there, but at that rate 2 × 119 h / 19 h = 12.5 over the history.
  const texts = Array.from({ length: 120 }, (_, i) =>
    i % 6 === 0
      ? `Refund requested, still no refund after ${i} days.`
      : i % 2 === 0
        ? `Waiting for my refund, order ${i}.`
        : i % 40 === 1
          ? `A voucher instead, order ${i}.`
          : `Delivery took ${i} days${i % 10 === 3 ? ', parcel damaged' : ''}.`,
  );

  beforeAll(async () => {
    Object.assign(BOUNDED_SEARCH, {
      PROBE_ROWS: 20,
      MIN_PROBE_MATCHES: 2,
      MANY_MATCHES: 12,
      CANDIDATES: 30,
      WALK_ROWS: 200,
    });
    t = await createTestApp();
    reader = caller(t, await t.keyWith('read'));
    await ingestAnalysed(
      caller(t, await t.keyWith('admin')),
      texts.map((text, i) => ({
        kind: 'review',
        source: 'shop',
        rating: 2,
        scale: 5,
        externalId: `cw-${i}`,
        channel: i % 4 === 0 ? 'web' : 'email',
        text,
        occurredAt: new Date(Date.UTC(2026, 3, 1) + i * 3_600_000).toISOString(),
      })),
    );
  });
  afterAll(async () => {
    Object.assign(BOUNDED_SEARCH, saved);
    await t?.close();
  });

  const pages = async (query: string) => {
    const out: Verbatim[] = [];
    let body = (await reader('GET', `/api/v1/verbatims?${query}`)).json();
    const search = body.search;
    out.push(...body.items);
    while (body.nextCursor) {
      body = (await reader('GET', `/api/v1/verbatims?${query}&cursor=${body.nextCursor}`)).json();
      expect(body.search).toEqual(search);
      out.push(...body.items);
    }
    return { items: out, search };
  };

  /** The newest 30 items saying "refund" (by the texts themselves), ranked by how often, ties by id descending. */
  const expected = (all: Verbatim[]) =>
    all
      .filter((v) => /\brefund\b/i.test(v.text))
      .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
      .slice(0, 30)
      .map((v) => ({ id: v.id, count: v.text.match(/\brefund\b/gi)!.length }))
      .sort((a, b) => b.count - a.count || (a.id < b.id ? 1 : -1));

  onMysql(
    'ranks the newest matches by how often the word occurs, says so, and pages through them',
    async () => {
      const all = (await pages('limit=100')).items;
      expect(all).toHaveLength(120);
      const { items, search } = await pages('q=refund&limit=7');
      const ranked = expected(all);
      expect(search).toEqual({ ranking: 'newest_matches', candidates: 30, since: expect.any(String) });
      // The oldest candidate is the 30th newest match; nothing older was ranked.
      const newest30 = all.filter((v) => /\brefund\b/i.test(v.text)).slice(0, 30);
      expect(search.since).toBe(newest30[29].occurredAt);
      expect(items.map((v) => v.id)).toEqual(ranked.map((r) => r.id));
      expect(items.map((v) => v.relevance)).toEqual(ranked.map((r) => r.count));
      expect(items.every((v) => v.highlights.length === v.relevance)).toBe(true);
    },
  );

  onMysql('applies the filters before bounding, and leaves rarer words to the full-text index', async () => {
    const web = await pages('q=refund&channel=web&limit=50');
    expect(web.search.ranking).toBe('newest_matches');
    expect(web.items.length).toBeGreaterThan(0);
    expect(web.items.every((v) => v.channel === 'web' && /\brefund\b/i.test(v.text))).toBe(true);
    const rare = await pages('q=voucher');
    expect(rare.search).toEqual({ ranking: 'fulltext', candidates: null, since: null });
    expect(rare.items).toHaveLength(3);
    const recency = (await reader('GET', '/api/v1/verbatims?q=refund&sort=recency&limit=100')).json();
    expect(recency.search).toBeNull();
    expect(recency.items).toHaveLength(60);
  });

  onMysql(
    'bounds a word rare among the newest items when its rate adds up to many matches over the history',
    async () => {
      const parcel = await pages('q=parcel&limit=5');
      expect(parcel.search).toEqual({ ranking: 'newest_matches', candidates: 12, since: null });
      expect(parcel.items).toHaveLength(12);
      expect(parcel.items.every((v) => /\bparcel\b/.test(v.text))).toBe(true);
      // One estimated match more than the rate gives: the full-text index ranks it, with the same 12 items.
      BOUNDED_SEARCH.MANY_MATCHES = 13;
      try {
        const indexed = await pages('q=parcel&limit=50');
        expect(indexed.search).toEqual({ ranking: 'fulltext', candidates: null, since: null });
        expect(indexed.items.map((v) => v.id).sort()).toEqual(parcel.items.map((v) => v.id).sort());
      } finally {
        BOUNDED_SEARCH.MANY_MATCHES = 12;
      }
    },
  );

  onSqlite('ranks every match of a common word with the full-text index on SQLite', async () => {
    const { items, search } = await pages('q=refund&limit=25');
    expect(search).toEqual({ ranking: 'fulltext', candidates: null, since: null });
    expect(items).toHaveLength(60);
    expect(items.every((v) => /\brefund\b/i.test(v.text))).toBe(true);
  });
});
