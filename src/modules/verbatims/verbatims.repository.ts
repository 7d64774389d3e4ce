import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { placeholders } from '../../database/insert-rows';
import { fromSqlDate, toSqlDate } from '../../database/sql-date';
import { VerbatimPosition } from './verbatim-cursor';
import { VerbatimFilter } from './verbatim-filters';
import { recencyWalkHint, searchDialect } from './verbatim-search.dialect';

export interface VerbatimRow {
  id: string;
  kind: string;
  source: string;
  channel: string;
  touchpoint: string | null;
  journeyStage: string | null;
  segment: string | null;
  customerId: string | null;
  language: string | null;
  text: string | null;
  occurredAt: Date;
  sentimentLabel: string | null;
  sentimentScore: number | null;
  signals: string | null;
  /** Null when the current pipeline has not analysed the item (yet). */
  analysisVersion: string | null;
  score: number | null;
}

const EQUAL_COLUMNS = [
  ['kind', 'f.kind'],
  ['source', 'f.source'],
  ['channel', 'f.channel'],
  ['touchpoint', 'f.touchpoint'],
  ['journeyStage', 'f.journey_stage'],
  ['segment', 'f.segment'],
  ['language', 'f.language'],
  ['sentiment', 'a.sentiment_label'],
] as const;

/** Every query of the verbatim search: one statement per page, plus the page's topics. */
@Injectable()
export class VerbatimsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async search(
    filter: VerbatimFilter,
    version: string,
    sort: 'relevance' | 'recency',
    limit: number,
    after?: VerbatimPosition,
    textsOnly = false,
    examineAtMost?: number,
  ): Promise<VerbatimRow[]> {
    const type = this.dataSource.options.type;
    const match = filter.terms ? searchDialect(type, filter.terms) : undefined;
    const where: string[] = [];
    const params: unknown[] = [];
    if (match) {
      where.push(match.where);
      params.push(...match.params.where);
    }
    if (filter.ids) {
      where.push(`f.id IN (${placeholders(filter.ids.length)})`);
      params.push(...filter.ids);
    }
    for (const [key, column] of EQUAL_COLUMNS) {
      const values = filter[key];
      if (!values) continue;
      where.push(`${column} IN (${placeholders(values.length)})`);
      params.push(...values);
    }
    // One topic, newest first: walk that topic's mentions backwards in time (idx_feedback_topics_recent), a
    // bounded range scan instead of every mention joined and sorted. `at`/`id` are the same values either way.
    const byTopic = filter.topic?.length === 1 && !match ? filter.topic[0] : undefined;
    const [at, id] = byTopic ? ['tp.occurred_at', 'tp.feedback_id'] : ['f.occurred_at', 'f.id'];
    if (byTopic) {
      where.push('tp.pipeline_version = ? AND tp.topic_key = ?');
      params.push(version, byTopic);
    } else if (filter.topic) {
      where.push(
        `EXISTS (SELECT 1 FROM feedback_topics t WHERE t.feedback_id = f.id AND t.pipeline_version = ? AND t.topic_key IN (${placeholders(filter.topic.length)}))`,
      );
      params.push(version, ...filter.topic);
    }
    if (filter.signal) {
      // Signals are stored comma-separated; no signal name contains another, so a substring test is exact.
      where.push(`(${filter.signal.map(() => 'a.signals LIKE ?').join(' OR ')})`);
      params.push(...filter.signal.map((s) => `%${s}%`));
    }
    if (filter.from) {
      where.push(`${at} >= ?`);
      params.push(toSqlDate(type, filter.from));
    }
    if (filter.to) {
      where.push(`${at} < ?`);
      params.push(toSqlDate(type, filter.to));
    }
    if (after && 'occurredAt' in after) {
      const position = toSqlDate(type, new Date(after.occurredAt));
      where.push(`(${at} < ? OR (${at} = ? AND ${id} < ?))`);
      params.push(position, position, after.id);
    }
    const order = sort === 'relevance' && match ? 'score DESC, f.id DESC' : `${at} DESC, ${id} DESC`;
    const from = byTopic
      ? 'feedback_topics tp JOIN feedback f ON f.id = tp.feedback_id'
      : `feedback f ${textsOnly ? recencyWalkHint(type) : ''}`;
    const offset = after && 'offset' in after ? after.offset : 0;
    // textsOnly: what the newest-matches walk reads (id, text, time); the analysis only when a filter needs it.
    const needsAnalysis = !textsOnly || !!filter.sentiment || !!filter.signal;
    const columns = textsOnly
      ? `f.id, f.text, f.occurred_at AS occurredAt, NULL AS sentimentScore, NULL AS score`
      : `f.id, f.kind, f.source, f.channel, f.touchpoint, f.journey_stage AS journeyStage,
        f.segment, f.customer_id AS customerId, f.language, f.text, f.occurred_at AS occurredAt,
        a.sentiment_label AS sentimentLabel, a.sentiment_score AS sentimentScore, a.signals, a.pipeline_version AS analysisVersion,
        ${match ? match.score : 'NULL'} AS score`;
    // MariaDB stops after that many rows read (fewer rows come back): a probe behind a selective filter stays cheap.
    const examined = examineAtMost && type === 'mariadb' ? ` ROWS EXAMINED ${Math.trunc(examineAtMost)}` : '';
    const sql = `SELECT ${columns}
      FROM ${from} ${match?.join ?? ''}
      ${needsAnalysis ? 'LEFT JOIN feedback_analysis a ON a.feedback_id = f.id AND a.pipeline_version = ?' : ''}
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order} LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}${examined}`;
    const run = (args: unknown[]): Promise<VerbatimRow[]> =>
      this.dataSource.query(sql, args).catch((error: Error) => {
        // Past ROWS EXAMINED, MariaDB returns what it has, or fails when it was still sorting: nothing, then.
        if (examined && /ROWS EXAMINED/i.test(error.message)) return [];
        throw error;
      });
    const rows: VerbatimRow[] = await run([
      ...(match && !textsOnly ? match.params.score : []),
      ...(match?.params.join ?? []),
      ...(needsAnalysis ? [version] : []),
      ...params,
    ]);
    return rows.map((r) => ({
      ...r,
      occurredAt: fromSqlDate(r.occurredAt),
      sentimentScore: r.sentimentScore === null ? null : Number(r.sentimentScore),
      score: r.score === null ? null : Number(r.score),
    }));
  }

  /**
   * Whether common words need the bounded newest-matches ranking here: MariaDB's FULLTEXT cost follows the word's
   * matches (seconds for a word in 5 % of 1 M texts). SQLite's FTS5 ranks the same word in ~0.3 s, while the
   * newest-first walk costs it more (its time index cannot serve the (time, id) order: 3.8 s at 1 M).
   */
  boundsCommonWords(): boolean {
    const type = this.dataSource.options.type;
    return type === 'mysql' || type === 'mariadb';
  }

  /** The first and last time any stored item occurred (two ends of the recency index), or undefined when none. */
  async storedSpan(): Promise<{ first: Date; last: Date } | undefined> {
    const [row]: { first: Date | string | null; last: Date | string | null }[] = await this.dataSource.query(
      // Two subqueries: SQLite reads MIN and MAX from the index only when each is alone in its SELECT.
      `SELECT (SELECT MIN(occurred_at) FROM feedback) AS first, (SELECT MAX(occurred_at) FROM feedback) AS last`,
    );
    return row?.first && row.last
      ? { first: fromSqlDate(row.first), last: fromSqlDate(row.last) }
      : undefined;
  }

  /** Whole rows of some items (with the current analysis), in no particular order. */
  async byIds(ids: string[], version: string): Promise<VerbatimRow[]> {
    if (!ids.length) return [];
    return this.search({ ids }, version, 'recency', ids.length);
  }

  async topicsOf(
    ids: string[],
    version: string,
  ): Promise<{ feedbackId: string; topicKey: string; sentimentLabel: string; sentimentScore: number }[]> {
    if (!ids.length) return [];
    const rows: { feedbackId: string; topicKey: string; sentimentLabel: string; sentimentScore: number }[] =
      await this.dataSource.query(
        `SELECT feedback_id AS feedbackId, topic_key AS topicKey, sentiment_label AS sentimentLabel,
           sentiment_score AS sentimentScore
         FROM feedback_topics WHERE pipeline_version = ? AND feedback_id IN (${placeholders(ids.length)})
         ORDER BY confidence DESC`,
        [version, ...ids],
      );
    return rows.map((r) => ({ ...r, sentimentScore: Number(r.sentimentScore) }));
  }
}
