import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { placeholders } from '../../../database/insert-rows';

/**
 * Keeps alias `a` (a feedback_analysis row) only when it is its item's newest analysis: the one stored last, as
 * the rollups count it (re-analysis adds rows; ties go to the later pipeline version).
 */
export const NEWEST_ANALYSIS = `NOT EXISTS (SELECT 1 FROM feedback_analysis newer
  WHERE newer.feedback_id = a.feedback_id AND (newer.analysed_at > a.analysed_at
    OR (newer.analysed_at = a.analysed_at AND newer.pipeline_version > a.pipeline_version)))`;

const CHUNK = 500;

/**
 * Both tables are copies of the raw rows made by SQL (no value passes through code, so they compare and average
 * exactly as the originals): one row per identified item with the score of its newest analysis, and one per topic
 * mention of that analysis. `feedbackIds` (null: every item) narrows the copy.
 */
function fills(feedbackIds: string[] | null): string[] {
  const only = feedbackIds ? ` AND f.id IN (${placeholders(feedbackIds.length)})` : '';
  return [
    `INSERT INTO customer_item_facts (feedback_id, customer_id, occurred_at, segment, sentiment_score)
     SELECT f.id, f.customer_id, f.occurred_at, f.segment, a.sentiment_score
     FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
     WHERE f.customer_id IS NOT NULL AND a.sentiment_score IS NOT NULL AND ${NEWEST_ANALYSIS}${only}`,
    `INSERT INTO customer_topic_mentions
       (feedback_id, topic_key, customer_id, occurred_at, segment, channel, sentiment_label, sentiment_score)
     SELECT f.id, t.topic_key, f.customer_id, f.occurred_at, f.segment, f.channel, t.sentiment_label,
       t.sentiment_score
     FROM feedback f JOIN feedback_analysis a ON a.feedback_id = f.id
     JOIN feedback_topics t ON t.feedback_id = a.feedback_id AND t.pipeline_version = a.pipeline_version
     WHERE f.customer_id IS NOT NULL AND ${NEWEST_ANALYSIS}${only}`,
  ];
}

const TABLES = ['customer_item_facts', 'customer_topic_mentions'];

/**
 * Writes of customer_item_facts and customer_topic_mentions: what correlations and key drivers read instead of
 * joining every item of a range to its newest analysis (see docs/outcomes.md).
 */
@Injectable()
export class CustomerItemFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Re-copies these items from the raw rows, in the caller's transaction (gone when the item or its analysis is). */
  async refresh(manager: EntityManager, feedbackIds: string[]): Promise<void> {
    for (let i = 0; i < feedbackIds.length; i += CHUNK) {
      const chunk = feedbackIds.slice(i, i + CHUNK);
      for (const table of TABLES)
        await manager.query(
          `DELETE FROM ${table} WHERE feedback_id IN (${placeholders(chunk.length)})`,
          chunk,
        );
      for (const sql of fills(chunk)) await manager.query(sql, chunk);
    }
  }

  /** Empties both tables and copies every item again (the rebuild, and a bulk load that skipped `refresh`). */
  async refill(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      for (const table of TABLES) await manager.query(`DELETE FROM ${table}`);
      for (const sql of fills(null)) await manager.query(sql);
    });
  }
}
