import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { placeholders } from '../../database/insert-rows';
import { toSqlDate } from '../../database/sql-date';

export interface CustomerComplaint {
  topic: string;
  customerId: string;
  channel: string;
}

/**
 * Who complained about what, where: a row per negative mention of a topic in the window (the same topic,
 * customer and channel can repeat), in no particular order. Per customer, so it reads raw rows (rollups hold no customers).
 */
@Injectable()
export class CrossChannelRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async complaints(version: string, from: Date, to: Date, topics?: string[]): Promise<CustomerComplaint[]> {
    const type = this.dataSource.options.type;
    const rows: CustomerComplaint[] = await this.dataSource.query(
      // Driven by the window's negative mentions (idx_feedback_topics_negative: one range, the mention's own
      // occurred_at), each joined to its item by primary key. No GROUP BY: the caller folds repeats into sets, and
      // the database's temporary table and sort of ~30,000 rows took as long as the join (MariaDB, 1 M items).
      `SELECT t.topic_key AS topic, f.customer_id AS customerId, f.channel AS channel
       FROM feedback_topics t
       JOIN feedback f ON f.id = t.feedback_id
       WHERE t.pipeline_version = ? AND t.sentiment_label = 'negative' AND t.occurred_at >= ? AND t.occurred_at < ?
         AND f.customer_id IS NOT NULL
       ${topics ? `AND t.topic_key IN (${placeholders(topics.length)})` : ''}`,
      [version, toSqlDate(type, from), toSqlDate(type, to), ...(topics ?? [])],
    );
    return rows;
  }
}
