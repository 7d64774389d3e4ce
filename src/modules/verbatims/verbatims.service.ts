import { Injectable } from '@nestjs/common';
import { AnalysisService } from '../analysis/analysis.service';
import { ListVerbatimsQuery } from './dto/list-verbatims.query';
import { VerbatimDto, VerbatimPageDto, VerbatimSearchDto } from './dto/verbatim-response.dto';
import { BOUNDED_SEARCH, boundedByHistory, probeVerdict } from './common-words';
import { findHighlights, markHighlights, occurrences, SearchTerm } from './search-terms';
import {
  decodeVerbatimCursor,
  encodeVerbatimCursor,
  queryFingerprint,
  VerbatimPosition,
} from './verbatim-cursor';
import { parseVerbatimFilter, VerbatimFilter } from './verbatim-filters';
import { VerbatimRow, VerbatimsRepository } from './verbatims.repository';

/** Rows per query while streaming an export: large enough to amortise, small enough to stay flat in memory. */
const EXPORT_PAGE = 1_000;

/** The probe reads at most this many rows per row it returns (MariaDB): cut short, it looks exhausted. */
const EXAMINE_PER_ROW = 10;

/** A few example verbatims for a summary row (see VerbatimsService.examples). */
export interface ExampleRequest {
  query: ListVerbatimsQuery;
  count: number;
  prefer?: Partial<ListVerbatimsQuery>;
}

/** What people said: full-text search with filters, the analysis inline and the matched words marked. */
@Injectable()
export class VerbatimsService {
  constructor(
    private readonly repository: VerbatimsRepository,
    private readonly analysis: AnalysisService,
  ) {}

  async page(query: ListVerbatimsQuery): Promise<VerbatimPageDto> {
    const filter = parseVerbatimFilter(query);
    const sort = query.sort ?? (filter.terms ? 'relevance' : 'recency');
    const fingerprint = queryFingerprint({ ...query, sort });
    const after = query.cursor ? decodeVerbatimCursor(query.cursor, fingerprint) : undefined;
    const limit = query.limit ?? 50;
    if (
      sort === 'relevance' &&
      filter.terms &&
      this.repository.boundsCommonWords() &&
      !(after && 'offset' in after && after.bounded === false)
    ) {
      const bounded = await this.newestMatches(filter, limit, after && 'offset' in after ? after : undefined);
      if (bounded)
        return {
          items: bounded.items,
          nextCursor: bounded.next ? encodeVerbatimCursor(fingerprint, bounded.next) : null,
          search: bounded.search,
        };
    }
    const { items, next } = await this.fetch(filter, sort, limit, after);
    const search: VerbatimSearchDto | null =
      sort === 'relevance' && filter.terms ? { ranking: 'fulltext', candidates: null, since: null } : null;
    return { items, nextCursor: next ? encodeVerbatimCursor(fingerprint, next) : null, search };
  }

  /**
   * Relevance over the newest matches (see BOUNDED_SEARCH), or undefined when the words are not that common (the
   * database's full-text index answers those fast). Matches are found as findHighlights finds words; the score is
   * how often the words occur, ties newest first. A cursor of such a page keeps the next pages on this path.
   */
  private async newestMatches(
    filter: VerbatimFilter,
    limit: number,
    after?: { offset: number; bounded?: boolean },
  ): Promise<{ items: VerbatimDto[]; next?: VerbatimPosition; search: VerbatimSearchDto } | undefined> {
    const { PROBE_ROWS, CANDIDATES, WALK_ROWS } = BOUNDED_SEARCH;
    const terms = filter.terms!;
    const version = await this.analysis.currentVersion();
    const plain: VerbatimFilter = { ...filter, terms: undefined };
    const matches: { id: string; occurredAt: Date; score: number }[] = [];
    let [seen, chunk, position, exhausted] = [
      0,
      PROBE_ROWS,
      undefined as VerbatimPosition | undefined,
      false,
    ];
    let oldest: Date | undefined;
    while (matches.length < CANDIDATES && seen < WALK_ROWS && !exhausted) {
      const size = Math.min(chunk, WALK_ROWS - seen);
      const examine = seen ? undefined : EXAMINE_PER_ROW * size;
      const rows = await this.repository.search(plain, version, 'recency', size, position, true, examine);
      for (const row of rows) {
        const score = row.text ? occurrences(row.text, terms) : 0;
        if (score && matches.length < CANDIDATES)
          matches.push({ id: row.id, occurredAt: row.occurredAt, score });
      }
      seen += rows.length;
      exhausted = rows.length < size;
      const last = rows[rows.length - 1];
      if (last)
        [oldest, position] = [last.occurredAt, { occurredAt: last.occurredAt.getTime(), id: last.id }];
      // Past the probe: common enough to bound (see BOUNDED_SEARCH), unless a cursor already chose this path.
      if (
        seen === rows.length &&
        !after?.bounded &&
        !(await this.boundsSearch(rows, matches.length, exhausted))
      )
        return undefined;
      chunk *= 2;
    }
    if (matches.length >= CANDIDATES) oldest = matches[matches.length - 1].occurredAt;
    matches.sort((a, b) => b.score - a.score || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const offset = after?.offset ?? 0;
    const chosen = matches.slice(offset, offset + limit);
    const [rows, topics] = await Promise.all([
      this.repository.byIds(
        chosen.map((m) => m.id),
        version,
      ),
      this.repository.topicsOf(
        chosen.map((m) => m.id),
        version,
      ),
    ]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const page = chosen.flatMap((m) => {
      const row = byId.get(m.id);
      return row ? [{ ...row, score: m.score }] : [];
    });
    return {
      items: page.map((row) =>
        toVerbatim(
          row,
          topics.filter((t) => t.feedbackId === row.id),
          terms,
        ),
      ),
      next: offset + limit < matches.length ? { offset: offset + limit, bounded: true } : undefined,
      search: {
        ranking: 'newest_matches',
        candidates: matches.length,
        since: exhausted && matches.length < CANDIDATES ? null : (oldest?.toISOString() ?? null),
      },
    };
  }

  /** Whether the probe's rows (newest first) make this search one for the newest matches. */
  private async boundsSearch(rows: VerbatimRow[], matches: number, exhausted: boolean): Promise<boolean> {
    const reading = {
      seen: rows.length,
      matches,
      exhausted,
      probeSpanMs: rows.length
        ? rows[0].occurredAt.getTime() - rows[rows.length - 1].occurredAt.getTime()
        : 0,
    };
    if (probeVerdict(reading) === 'fulltext') return false;
    const history = await this.repository.storedSpan();
    return !!history && boundedByHistory(reading, history.last.getTime() - history.first.getTime());
  }

  /**
   * A few recent verbatims for a summary row: those of `prefer` first (e.g. a topic or a sentiment), topped up
   * from the plain query when there are too few.
   */
  async examples(
    query: ListVerbatimsQuery,
    count: number,
    prefer?: Partial<ListVerbatimsQuery>,
  ): Promise<VerbatimDto[]> {
    return (await this.examplesOfEach([{ query, count, prefer }]))[0];
  }

  /**
   * `examples` for several summary rows at once: the same items, but their searches side by side and the topics
   * of every chosen item in one read instead of one per search (a pain points answer made ~40 statements).
   * Searches with words (q), a sort or a cursor take the page path, as one `examples` each.
   */
  async examplesOfEach(requests: ExampleRequest[]): Promise<VerbatimDto[][]> {
    const plain = (q?: Partial<ListVerbatimsQuery>) =>
      !q || (q.q === undefined && q.sort === undefined && q.cursor === undefined);
    const version = await this.analysis.currentVersion();
    const chosen = await Promise.all(
      requests.map((r) => (plain(r.query) && plain(r.prefer) ? this.newestExamples(r, version) : undefined)),
    );
    const ids = [...new Set(chosen.flatMap((rows) => (rows ?? []).map((r) => r.id)))];
    const topics = await this.repository.topicsOf(ids, version);
    return Promise.all(
      requests.map(
        (r, i) =>
          chosen[i]?.map((row) =>
            toVerbatim(
              row,
              topics.filter((t) => t.feedbackId === row.id),
              [],
            ),
          ) ?? this.pagedExamples(r),
      ),
    );
  }

  /** The newest rows of `prefer`, topped up from the plain query: what `pagedExamples` picks, without topics. */
  private async newestExamples(
    { query, count, prefer }: ExampleRequest,
    version: string,
  ): Promise<VerbatimRow[]> {
    if (count <= 0) return [];
    // Newest first is a total order (time, then id), so `count` rows are the first `count` of a longer page.
    const newest = (q: ListVerbatimsQuery, limit: number) =>
      this.repository.search(parseVerbatimFilter(q), version, 'recency', limit);
    const first = prefer ? await newest({ ...query, ...prefer }, count) : [];
    if (first.length >= count) return first;
    const more = await newest(query, count + first.length);
    return [...first, ...more.filter((v) => !first.some((f) => f.id === v.id))].slice(0, count);
  }

  private async pagedExamples({ query, count, prefer }: ExampleRequest): Promise<VerbatimDto[]> {
    if (count <= 0) return [];
    const first = prefer ? (await this.page({ ...query, ...prefer, limit: count })).items : [];
    if (first.length >= count) return first;
    const more = (await this.page({ ...query, limit: count + first.length })).items;
    return [...first, ...more.filter((v) => !first.some((f) => f.id === v.id))].slice(0, count);
  }

  /** Every match of the query, page after page (for CSV exports: memory stays flat whatever the size). */
  async *all(query: ListVerbatimsQuery): AsyncGenerator<VerbatimDto> {
    const filter = parseVerbatimFilter(query);
    const sort = query.sort ?? (filter.terms ? 'relevance' : 'recency');
    const fingerprint = queryFingerprint({ ...query, sort });
    let after = query.cursor ? decodeVerbatimCursor(query.cursor, fingerprint) : undefined;
    do {
      const page = await this.fetch(filter, sort, EXPORT_PAGE, after);
      yield* page.items;
      after = page.next;
    } while (after);
  }

  /** Parses and checks the query up front, so a bad one is a 400 before any CSV byte is sent. */
  validate(query: ListVerbatimsQuery): void {
    const filter = parseVerbatimFilter(query);
    const sort = query.sort ?? (filter.terms ? 'relevance' : 'recency');
    if (query.cursor) decodeVerbatimCursor(query.cursor, queryFingerprint({ ...query, sort }));
  }

  private async fetch(
    filter: VerbatimFilter,
    sort: 'relevance' | 'recency',
    limit: number,
    after?: VerbatimPosition,
  ): Promise<{ items: VerbatimDto[]; next?: VerbatimPosition }> {
    const version = await this.analysis.currentVersion();
    const rows = await this.repository.search(filter, version, sort, limit + 1, after);
    const page = rows.slice(0, limit);
    const topics = await this.repository.topicsOf(
      page.map((r) => r.id),
      version,
    );
    const items = page.map((row) =>
      toVerbatim(
        row,
        topics.filter((t) => t.feedbackId === row.id),
        filter.terms ?? [],
      ),
    );
    const last = page[page.length - 1];
    if (rows.length <= limit || !last) return { items };
    const next: VerbatimPosition =
      sort === 'relevance'
        ? { offset: (after && 'offset' in after ? after.offset : 0) + limit, bounded: false }
        : { occurredAt: last.occurredAt.getTime(), id: last.id };
    return { items, next };
  }
}

function toVerbatim(
  row: VerbatimRow,
  topics: { topicKey: string; sentimentLabel: string; sentimentScore: number }[],
  terms: SearchTerm[],
): VerbatimDto {
  const highlights = row.text && terms.length ? findHighlights(row.text, terms) : [];
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    channel: row.channel,
    touchpoint: row.touchpoint,
    journeyStage: row.journeyStage,
    segment: row.segment,
    customerId: row.customerId,
    language: row.language,
    text: row.text,
    occurredAt: row.occurredAt.toISOString(),
    relevance: row.score,
    highlights,
    highlightedText: row.text && terms.length ? markHighlights(row.text, highlights) : null,
    analysis: row.analysisVersion
      ? {
          sentimentLabel: row.sentimentLabel,
          sentimentScore: row.sentimentScore,
          topics: topics.map((t) => ({
            key: t.topicKey,
            sentimentLabel: t.sentimentLabel,
            sentimentScore: t.sentimentScore,
          })),
          signals: row.signals ? row.signals.split(',') : [],
        }
      : null,
  };
}
