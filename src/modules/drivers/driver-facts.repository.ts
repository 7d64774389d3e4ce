import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FeedbackAnalysisEntity } from '../analysis/entities/feedback-analysis.entity';
import { FeedbackTopicEntity } from '../analysis/entities/feedback-topic.entity';
import { FeedbackEntity } from '../feedback/entities/feedback.entity';
import type { FactsRange } from '../correlations/customer-facts.repository';

export interface TopicMention {
  customer: string;
  topic: string;
  score: number;
  label: string;
}

/** Topic mentions of identified customers' feedback in a range, by the newest analysis of each item. */
@Injectable()
export class DriverFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async mentions(range: FactsRange): Promise<TopicMention[]> {
    const q = this.dataSource
      .getRepository(FeedbackEntity)
      .createQueryBuilder('f')
      .innerJoin(FeedbackAnalysisEntity, 'a', 'a.feedback_id = f.id')
      .innerJoin(
        FeedbackTopicEntity,
        't',
        't.feedback_id = a.feedback_id AND t.pipeline_version = a.pipeline_version',
      )
      .where('f.customer_id IS NOT NULL')
      .select(['f.customer_id AS customer', 'f.id AS item', 'a.pipeline_version AS version'])
      .addSelect('a.analysed_at', 'analysed')
      .addSelect(['t.topic_key AS topic', 't.sentiment_score AS score', 't.sentiment_label AS label']);
    if (range.from) q.andWhere('f.occurred_at >= :from', { from: range.from });
    if (range.to) q.andWhere('f.occurred_at < :to', { to: range.to });
    if (range.segment) q.andWhere('f.segment = :segment', { segment: range.segment });
    const rows = await q.getRawMany<{
      customer: string;
      item: string;
      version: string;
      analysed: string | Date;
      topic: string;
      score: number;
      label: string;
    }>();
    // Re-analysis adds rows: keep each item's newest version only.
    const newest = new Map<string, { version: string; at: number }>();
    for (const r of rows) {
      const at = new Date(r.analysed).getTime();
      const seen = newest.get(r.item);
      if (!seen || at > seen.at) newest.set(r.item, { version: r.version, at });
    }
    return rows
      .filter((r) => newest.get(r.item)!.version === r.version)
      .map((r) => ({ customer: r.customer, topic: r.topic, score: Number(r.score), label: r.label }));
  }
}
