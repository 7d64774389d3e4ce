import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FeedbackAnalysisEntity } from '../analysis/entities/feedback-analysis.entity';
import { FeedbackTopicEntity } from '../analysis/entities/feedback-topic.entity';
import { FeedbackEntity } from '../feedback/entities/feedback.entity';
import { FactsRange, NEWEST_ANALYSIS, whereInRange } from '../correlations/customer-facts.repository';

/** Topic mentions of identified customers' feedback in a range, by the newest analysis of each item. */
@Injectable()
export class DriverFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Who raised which topic negatively: one row per (customer, topic), distinct in the database. */
  async raisedNegatively(range: FactsRange): Promise<Map<string, Set<string>>> {
    const rows = await this.mentions(range)
      .andWhere("t.sentiment_label = 'negative'")
      .select(['f.customer_id AS customer', 't.topic_key AS topic'])
      .distinct(true)
      .getRawMany<{ customer: string; topic: string }>();
    const raised = new Map<string, Set<string>>();
    for (const { customer, topic } of rows) {
      const who = raised.get(topic) ?? new Set<string>();
      who.add(customer);
      raised.set(topic, who);
    }
    return raised;
  }

  /** Mean topic sentiment of every mention of each topic (the performance axis). */
  async performance(range: FactsRange): Promise<Map<string, number>> {
    const rows = await this.mentions(range)
      .select('t.topic_key', 'topic')
      .addSelect('AVG(t.sentiment_score)', 'score')
      .groupBy('t.topic_key')
      .getRawMany<{ topic: string; score: number | string }>();
    return new Map(rows.map((r) => [r.topic, Number(r.score)]));
  }

  private mentions(range: FactsRange) {
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
      .andWhere(NEWEST_ANALYSIS);
    whereInRange(q, 'f', range);
    return q;
  }
}
