import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DigestSlice, SLICE_FIELDS, Verbatim } from './digest-content.types';

const COLUMN: Record<(typeof SLICE_FIELDS)[number], string> = {
  segment: 'f.segment',
  channel: 'f.channel',
  touchpoint: 'f.touchpoint',
  journeyStage: 'f.journey_stage',
  source: 'f.source',
  kind: 'f.kind',
};
const MAX_CHARS = 280;

export interface VerbatimQuery {
  from: Date;
  to: Date;
  slice: DigestSlice | null;
  label: 'negative' | 'positive';
  /** Only items that mention this topic. */
  topic?: string;
  /** Only items with this signal (praise…). */
  signal?: string;
  limit: number;
}

/**
 * Example texts for the digest: the week's clearest complaints and praise. Texts were stripped of personal
 * data at ingestion. Numbers never come from here: they come from the query layer.
 */
@Injectable()
export class DigestContentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async verbatims(q: VerbatimQuery): Promise<Verbatim[]> {
    const where = ['f.occurred_at >= ?', 'f.occurred_at < ?', 'a.sentiment_label = ?', 'f.text IS NOT NULL'];
    const params: unknown[] = [sqlDateTime(q.from), sqlDateTime(q.to), q.label];
    for (const field of SLICE_FIELDS) {
      const value = q.slice?.[field];
      if (value === undefined) continue;
      where.push(`${COLUMN[field]} = ?`);
      params.push(value);
    }
    if (q.topic) {
      where.push('EXISTS (SELECT 1 FROM feedback_topics t WHERE t.feedback_id = f.id AND t.topic_key = ?)');
      params.push(q.topic);
    }
    if (q.signal) {
      where.push('a.signals LIKE ?');
      params.push(`%${q.signal}%`);
    }
    // Several pipeline versions may have scored one item: fetch a few more and keep each item once.
    const rows: {
      id: string;
      text: string;
      channel: string;
      occurred_at: Date | string;
      score: number | null;
    }[] = await this.dataSource.query(
      `SELECT f.id, f.text, f.channel, f.occurred_at, a.sentiment_score AS score
           FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
          WHERE ${where.join(' AND ')}
          ORDER BY a.sentiment_score ${q.label === 'negative' ? 'ASC' : 'DESC'}, f.id
          LIMIT ${Math.max(1, Math.min(50, q.limit * 4))}`,
      params,
    );
    const seen = new Set<string>();
    const out: Verbatim[] = [];
    for (const row of rows) {
      const text = row.text.trim();
      // Each item once (several pipeline versions), and each wording once (a copy-pasted complaint).
      if (seen.has(row.id) || seen.has(text) || text.length < 3) continue;
      seen.add(row.id).add(text);
      out.push({
        text: text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text,
        channel: row.channel,
        occurredAt: toIso(row.occurred_at),
        sentimentScore: row.score === null ? null : Number(row.score),
      });
      if (out.length === q.limit) break;
    }
    return out;
  }
}

/** Both dialects compare DATETIME columns with a UTC 'YYYY-MM-DD HH:MM:SS.sss' string (better-sqlite3 binds no Date). */
function sqlDateTime(d: Date): string {
  return d.toISOString().slice(0, 23).replace('T', ' ');
}

/** SQLite hands datetimes back as UTC strings without a zone, MySQL as Date. */
function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`)).toISOString();
}
