import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FeedbackAnalysisEntity } from '../analysis/entities/feedback-analysis.entity';
import { FeedbackEntity } from '../feedback/entities/feedback.entity';
import { OutcomeEntity } from '../outcomes/entities/outcome.entity';

export interface CustomerFacts {
  /** Mean sentiment score (−1..1) of the newest analysis of each of their items in the range. */
  sentiment?: number;
  /** Mean of their NPS answers in the range. */
  nps?: number;
  churned: boolean;
  referred: boolean;
}

export interface FactsRange {
  from?: Date;
  to?: Date;
  segment?: string;
}

/** Customer-level raw facts for correlations, read from the stored rows (not the rollups). */
@Injectable()
export class CustomerFactsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async load(range: FactsRange): Promise<Map<string, CustomerFacts>> {
    const facts = new Map<string, CustomerFacts>();
    const of = (id: string) => {
      let f = facts.get(id);
      if (!f) facts.set(id, (f = { churned: false, referred: false }));
      return f;
    };
    const feedback = this.dataSource
      .getRepository(FeedbackEntity)
      .createQueryBuilder('f')
      .where('f.customer_id IS NOT NULL');
    this.inRange(feedback, 'f', range);
    const scores = await feedback
      .clone()
      .innerJoin(FeedbackAnalysisEntity, 'a', 'a.feedback_id = f.id')
      .andWhere('a.sentiment_score IS NOT NULL')
      .select(['f.customer_id AS customer', 'a.feedback_id AS item', 'a.sentiment_score AS score'])
      .addSelect('a.analysed_at', 'analysed')
      .getRawMany<{ customer: string; item: string; score: number; analysed: string | Date }>();
    // The newest analysis of each item counts (re-analysis adds rows).
    const newest = new Map<string, { customer: string; score: number; at: number }>();
    for (const r of scores) {
      const at = new Date(r.analysed).getTime();
      const seen = newest.get(r.item);
      if (!seen || at > seen.at) newest.set(r.item, { customer: r.customer, score: Number(r.score), at });
    }
    const sums = new Map<string, [number, number]>();
    for (const { customer, score } of newest.values()) {
      const s = sums.get(customer) ?? [0, 0];
      sums.set(customer, [s[0] + score, s[1] + 1]);
    }
    for (const [customer, [sum, n]] of sums) of(customer).sentiment = sum / n;
    const nps = await feedback
      .clone()
      .andWhere('f.nps_score IS NOT NULL')
      .select('f.customer_id', 'customer')
      .addSelect('AVG(f.nps_score)', 'nps')
      .groupBy('f.customer_id')
      .getRawMany<{ customer: string; nps: number }>();
    for (const r of nps) of(r.customer).nps = Number(r.nps);

    const outcomes = this.dataSource
      .getRepository(OutcomeEntity)
      .createQueryBuilder('o')
      .select(['o.customer_id AS customer', 'o.type AS type'])
      .distinct(true)
      .where("((o.type = 'lifecycle' AND o.event = 'churned') OR o.type = 'referral')")
      .andWhere('o.customer_id IS NOT NULL');
    this.inRange(outcomes, 'o', range);
    for (const r of await outcomes.getRawMany<{ customer: string; type: string }>()) {
      if (r.type === 'referral') of(r.customer).referred = true;
      else of(r.customer).churned = true;
    }
    return facts;
  }

  private inRange(
    q: { andWhere: (where: string, params?: Record<string, unknown>) => unknown },
    alias: string,
    range: FactsRange,
  ): void {
    if (range.from) q.andWhere(`${alias}.occurred_at >= :from`, { from: range.from });
    if (range.to) q.andWhere(`${alias}.occurred_at < :to`, { to: range.to });
    if (range.segment) q.andWhere(`${alias}.segment = :segment`, { segment: range.segment });
  }
}
