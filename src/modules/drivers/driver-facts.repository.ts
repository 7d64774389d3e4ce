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
import {
  churnedOf,
  negativeTopicsOf,
  npsCustomers,
  rangeParameters,
  referredOf,
  sentimentCustomers,
} from '../correlations/customer-facts.sql';
import { widenGroupConcat } from './dialects/group-concat-length';
import type { DriverOutcome } from './drivers.service';

/** Customers with one outcome value who raised one set of topics negatively (`topics` in no order). */
export interface TopicPatternRow {
  y: number;
  topics: string[];
  customers: number;
  /** The smallest customer id among them. */
  first: string;
}

/** Topic mentions of identified customers' feedback in a range, by the newest analysis of each item. */
@Injectable()
export class DriverFactsRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomerFactsRepository,
  ) {}

  /**
   * Customers with the outcome known who raised the same topics negatively and have the same outcome value,
   * counted once, with the first customer id of each group (see DriversService). One statement, grouped per
   * customer in the database (see customer-facts.sql.ts), so only the groups come back.
   */
  async patterns(
    outcome: DriverOutcome,
    range: FactsRange,
    source: FactsSource = factsSourceFor(range),
  ): Promise<TopicPatternRow[]> {
    const who = outcome === 'nps' ? npsCustomers(range) : sentimentCustomers(range, source);
    const y =
      outcome === 'nps'
        ? npsCustomers(range).nps
        : (outcome === 'churn' ? churnedOf : referredOf)(who.customer, range);
    const perCustomer = `SELECT ${who.customer} AS customer, ${y} AS y,
      ${negativeTopicsOf(who.customer, range, source)} AS topics ${who.from}`;
    const runner = this.dataSource.createQueryRunner();
    try {
      await widenGroupConcat(runner);
      const rows = await this.dataSource
        .createQueryBuilder(runner)
        .select(['s.y AS y', 's.topics AS topics'])
        .addSelect('COUNT(*)', 'customers')
        .addSelect('MIN(s.customer)', 'first')
        .from(`(${perCustomer})`, 's')
        .setParameters(rangeParameters(range))
        .groupBy('s.y')
        .addGroupBy('s.topics')
        .getRawMany<{
          y: string | number;
          topics: string | null;
          customers: string | number;
          first: string;
        }>();
      return rows.map((r) => ({
        y: Number(r.y),
        topics: r.topics ? r.topics.split(',') : [],
        customers: Number(r.customers),
        first: r.first,
      }));
    } finally {
      await runner.release();
    }
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
