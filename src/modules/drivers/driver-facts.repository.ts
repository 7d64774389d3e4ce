import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FeedbackAnalysisEntity } from '../analysis/entities/feedback-analysis.entity';
import { FeedbackTopicEntity } from '../analysis/entities/feedback-topic.entity';
import { FeedbackEntity } from '../feedback/entities/feedback.entity';
import {
  CustomerFactsRepository,
  FactsRange,
  FactsSource,
  factsSourceFor,
  NEWEST_ANALYSIS,
  whereInRange,
} from '../correlations/customer-facts.repository';

/** Topic mentions of identified customers' feedback in a range, by the newest analysis of each item. */
@Injectable()
export class DriverFactsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomerFactsRepository,
  ) {}

  /** Who raised which topic negatively: one row per (customer, topic), distinct in the database. */
  async raisedNegatively(
    range: FactsRange,
    source: FactsSource = factsSourceFor(range),
  ): Promise<Map<string, Set<string>>> {
    const [q, c] = this.mentions(range, source);
    const rows = await q
      .andWhere(`${c.topic}.sentiment_label = 'negative'`)
      .select([`${c.customer}.customer_id AS customer`, `${c.topic}.topic_key AS topic`])
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
  async performance(
    range: FactsRange,
    source: FactsSource = factsSourceFor(range),
  ): Promise<Map<string, number>> {
    const [q, c] = this.mentions(range, source);
    const rows = await q
      .select(`${c.topic}.topic_key`, 'topic')
      .addSelect(`AVG(${c.topic}.sentiment_score)`, 'score')
      .groupBy(`${c.topic}.topic_key`)
      .getRawMany<{ topic: string; score: number | string }>();
    return new Map(rows.map((r) => [r.topic, Number(r.score)]));
  }

  /** The mentions of the range, and the aliases holding the customer and the topic columns. */
  private mentions(range: FactsRange, source: FactsSource) {
    if (source === 'copies')
      return [
        this.customers.fromCopies('customer_topic_mentions', range),
        { customer: 'c', topic: 'c' },
      ] as const;
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
    return [q, { customer: 'f', topic: 't' }] as const;
  }
}
