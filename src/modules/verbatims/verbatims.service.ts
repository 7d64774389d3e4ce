import { Injectable } from '@nestjs/common';
import { AnalysisService } from '../analysis/analysis.service';
import { ListVerbatimsQuery } from './dto/list-verbatims.query';
import { VerbatimDto, VerbatimPageDto } from './dto/verbatim-response.dto';
import { findHighlights, markHighlights, SearchTerm } from './search-terms';
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
    const { items, next } = await this.fetch(filter, sort, limit, after);
    return { items, nextCursor: next ? encodeVerbatimCursor(fingerprint, next) : null };
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
        ? { offset: (after && 'offset' in after ? after.offset : 0) + limit }
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
