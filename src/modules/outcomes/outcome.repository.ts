import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, LessThan } from 'typeorm';
import { insertRows, placeholders } from '../../database/insert-rows';
import { latestCommitted } from '../../database/latest-committed';
import { SUBSCRIPTION_EVENTS } from './dto/outcome-enums';
import { OutcomeEntity } from './entities/outcome.entity';

export interface OutcomeFilter {
  type?: string;
  event?: string;
  source?: string;
  segment?: string;
  customerId?: string;
  flagged?: boolean;
  from?: Date;
  to?: Date;
}

/** Position after the last item of a page: newest first by occurredAt, then id. */
export interface OutcomeCursor {
  occurredAt: Date;
  id: string;
}

@Injectable()
export class OutcomeRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts what is new; rows whose (source, externalId) exist are skipped. How many were written. */
  insertIgnoringDuplicates(manager: EntityManager, rows: OutcomeEntity[]): Promise<number | undefined> {
    return insertRows(manager, OutcomeEntity, rows, { ignoreDuplicates: true });
  }

  /** Stored id per `source\u0000externalId`; a locking read on MySQL (see FeedbackRepository.findIdsByExternal). */
  async findIdsByExternal(
    manager: EntityManager,
    pairs: { source: string; externalId: string }[],
  ): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const bySource = new Map<string, string[]>();
    for (const p of pairs) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p.externalId]);
    for (const [source, externalIds] of bySource) {
      const rows: { id: string; external_id: string }[] = await manager.query(
        `SELECT id, external_id FROM outcomes WHERE source = ? AND external_id IN (${placeholders(externalIds.length)})${latestCommitted(manager)}`,
        [source, ...externalIds],
      );
      for (const r of rows) found.set(outcomeKey(source, r.external_id), r.id);
    }
    return found;
  }

  /** Per customer, the time (ms) of their earliest subscription event before `before` (for the churn flag). */
  async subscriptionStarts(
    manager: EntityManager,
    customerIds: string[],
    before: Date,
  ): Promise<Map<string, number>> {
    const starts = new Map<string, number>();
    for (let i = 0; i < customerIds.length; i += 500) {
      const rows = await manager.getRepository(OutcomeEntity).find({
        select: { customerId: true, occurredAt: true },
        where: {
          type: 'lifecycle',
          customerId: In(customerIds.slice(i, i + 500)),
          event: In([...SUBSCRIPTION_EVENTS]),
          occurredAt: LessThan(before),
        },
      });
      for (const r of rows) {
        const at = r.occurredAt.getTime();
        if (at < (starts.get(r.customerId!) ?? Infinity)) starts.set(r.customerId!, at);
      }
    }
    return starts;
  }

  async list(filter: OutcomeFilter, limit: number, after?: OutcomeCursor): Promise<OutcomeEntity[]> {
    const q = this.dataSource.getRepository(OutcomeEntity).createQueryBuilder('o');
    for (const key of ['type', 'event', 'source', 'segment'] as const)
      if (filter[key] !== undefined) q.andWhere(`o.${key} = :${key}`, { [key]: filter[key] });
    if (filter.customerId !== undefined) {
      q.andWhere('(o.customer_id = :customerId OR o.related_customer_id = :customerId)', {
        customerId: filter.customerId,
      });
    }
    if (filter.flagged !== undefined) q.andWhere(`o.flags IS ${filter.flagged ? 'NOT ' : ''}NULL`);
    if (filter.from) q.andWhere('o.occurred_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('o.occurred_at < :to', { to: filter.to });
    if (after) {
      q.andWhere(
        new Brackets((w) =>
          w
            .where('o.occurred_at < :at', { at: after.occurredAt })
            .orWhere(
              new Brackets((same) =>
                same
                  .where('o.occurred_at = :at', { at: after.occurredAt })
                  .andWhere('o.id < :afterId', { afterId: after.id }),
              ),
            ),
        ),
      );
    }
    return q.orderBy('o.occurred_at', 'DESC').addOrderBy('o.id', 'DESC').limit(limit).getMany();
  }

  findById(id: string): Promise<OutcomeEntity | null> {
    return this.dataSource.getRepository(OutcomeEntity).findOne({ where: { id } });
  }

  /** A customer's outcomes as subject or as the referred person, newest first. */
  findByCustomer(customerId: string, limit: number): Promise<OutcomeEntity[]> {
    return this.dataSource.getRepository(OutcomeEntity).find({
      where: [{ customerId }, { relatedCustomerId: customerId }],
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }
}

export function outcomeKey(source: string, externalId: string): string {
  return `${source}\u0000${externalId}`;
}
