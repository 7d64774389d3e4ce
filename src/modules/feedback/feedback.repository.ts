import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { insertRows, placeholders } from '../../database/insert-rows';
import { latestCommitted } from '../../database/latest-committed';
import { FeedbackEntity } from './entities/feedback.entity';
import { ITEM_DIMENSIONS, ItemDimension } from './item-dimensions';

export interface FeedbackFilter {
  kind?: string;
  source?: string;
  channel?: string;
  touchpoint?: string;
  journeyStage?: string;
  customerId?: string;
  analysisStatus?: string;
  from?: Date;
  to?: Date;
}

/** Position after the last item of a page: newest first by occurredAt, then id. */
export interface FeedbackCursor {
  occurredAt: Date;
  id: string;
}

@Injectable()
export class FeedbackRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts what is new; rows whose (source, externalId) already exist are skipped, not overwritten.
   * Returns how many rows were written (undefined when the driver does not say).
   */
  insertIgnoringDuplicates(manager: EntityManager, rows: FeedbackEntity[]): Promise<number | undefined> {
    return insertRows(manager, FeedbackEntity, rows, { ignoreDuplicates: true });
  }

  /**
   * The stored id for each `source\u0000externalId` among the given pairs. On MySQL a locking read, so inside
   * a transaction it sees rows other transactions committed after ours began (a plain read would show the
   * transaction's older snapshot).
   */
  async findIdsByExternal(
    manager: EntityManager,
    pairs: { source: string; externalId: string }[],
  ): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const bySource = new Map<string, string[]>();
    for (const p of pairs) bySource.set(p.source, [...(bySource.get(p.source) ?? []), p.externalId]);
    for (const [source, externalIds] of bySource) {
      const rows: { id: string; external_id: string }[] = await manager.query(
        `SELECT id, external_id FROM feedback WHERE source = ? AND external_id IN (${placeholders(externalIds.length)})${latestCommitted(manager)}`,
        [source, ...externalIds],
      );
      for (const r of rows) found.set(externalKey(source, r.external_id), r.id);
    }
    return found;
  }

  findById(id: string): Promise<FeedbackEntity | null> {
    return this.dataSource.getRepository(FeedbackEntity).findOne({ where: { id } });
  }

  findByIds(ids: string[]): Promise<FeedbackEntity[]> {
    return ids.length
      ? this.dataSource.getRepository(FeedbackEntity).find({ where: { id: In(ids) } })
      : Promise.resolve([]);
  }

  async list(filter: FeedbackFilter, limit: number, after?: FeedbackCursor): Promise<FeedbackEntity[]> {
    const q = this.dataSource.getRepository(FeedbackEntity).createQueryBuilder('f');
    const equal: [keyof FeedbackFilter, string][] = [
      ['kind', 'kind'],
      ['source', 'source'],
      ['channel', 'channel'],
      ['touchpoint', 'touchpoint'],
      ['journeyStage', 'journey_stage'],
      ['customerId', 'customer_id'],
      ['analysisStatus', 'analysis_status'],
    ];
    for (const [key, column] of equal)
      if (filter[key] !== undefined) q.andWhere(`f.${column} = :${key}`, { [key]: filter[key] });
    if (filter.from) q.andWhere('f.occurred_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('f.occurred_at < :to', { to: filter.to });
    if (after) {
      q.andWhere(
        new Brackets((w) =>
          w
            .where('f.occurred_at < :at', { at: after.occurredAt })
            .orWhere(
              new Brackets((same) =>
                same
                  .where('f.occurred_at = :at', { at: after.occurredAt })
                  .andWhere('f.id < :afterId', { afterId: after.id }),
              ),
            ),
        ),
      );
    }
    return q.orderBy('f.occurred_at', 'DESC').addOrderBy('f.id', 'DESC').limit(limit).getMany();
  }

  async setAnalysisStatus(
    ids: string[],
    status: string,
    error: string | null = null,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    if (!ids.length) return;
    await manager
      .getRepository(FeedbackEntity)
      .update(
        { id: In(ids) },
        { analysisStatus: status as FeedbackEntity['analysisStatus'], analysisError: error },
      );
  }

  /** Fills in the language of items that came without one; a language the sender gave is kept. */
  async fillLanguage(ids: string[], language: string, manager: EntityManager): Promise<void> {
    if (!ids.length) return;
    await manager
      .getRepository(FeedbackEntity)
      .update({ id: In(ids), language: IsNull() }, { language: language.slice(0, 8) });
  }

  /** Ids of feedback matching a filter, in pages, for re-analysis. */
  async findIds(filter: FeedbackFilter, limit: number, afterId?: string): Promise<string[]> {
    const q = this.dataSource.getRepository(FeedbackEntity).createQueryBuilder('f').select('f.id', 'id');
    for (const [key, column] of [
      ['kind', 'kind'],
      ['source', 'source'],
      ['channel', 'channel'],
      ['touchpoint', 'touchpoint'],
    ] as const) {
      if (filter[key] !== undefined) q.andWhere(`f.${column} = :${key}`, { [key]: filter[key] });
    }
    if (filter.from) q.andWhere('f.occurred_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('f.occurred_at < :to', { to: filter.to });
    if (afterId) q.andWhere('f.id > :afterId', { afterId });
    const rows = await q.orderBy('f.id', 'ASC').limit(limit).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Still pending long after arrival: their job was lost (a crash in embedded mode, a purged queue). */
  async findStalePending(receivedBefore: Date, limit: number): Promise<string[]> {
    const rows = await this.dataSource.getRepository(FeedbackEntity).find({
      select: { id: true },
      where: { analysisStatus: 'pending', receivedAt: LessThan(receivedBefore) },
      order: { receivedAt: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }

  /** Recent texts for emerging themes. */
  async findTexts(
    ids: string[] | undefined,
    from: Date,
    to: Date,
    limit: number,
    filters: TextFilters = {},
  ): Promise<FeedbackText[]> {
    const q = this.dataSource
      .getRepository(FeedbackEntity)
      .createQueryBuilder('f')
      .select(['f.id', 'f.text', 'f.customerId', 'f.details'])
      .where('f.occurred_at >= :from AND f.occurred_at < :to', { from, to })
      .andWhere('f.text IS NOT NULL');
    if (ids) q.andWhere('f.id IN (:...ids)', { ids });
    for (const field of TEXT_FILTER_FIELDS) {
      const values = filters[field];
      if (values?.length)
        q.andWhere(`f.${field === 'journeyStage' ? 'journey_stage' : field} IN (:...${field})`, {
          [field]: values,
        });
    }
    const rows = await q.orderBy('f.occurred_at', 'DESC').limit(limit).getMany();
    return rows.map((r) => ({
      id: r.id,
      text: r.text!,
      customerId: r.customerId,
      product: typeof r.details?.product === 'string' ? r.details.product : null,
    }));
  }

  findByCustomer(customerId: string, limit: number): Promise<FeedbackEntity[]> {
    return this.dataSource.getRepository(FeedbackEntity).find({
      where: { customerId },
      order: { occurredAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }
}

/** Item dimensions texts can be narrowed by (each: the item's value is one of the list). */
export const TEXT_FILTER_FIELDS = ITEM_DIMENSIONS;
export type TextFilters = Partial<Record<ItemDimension, string[]>>;

/** What emerging themes read of an item. */
export interface FeedbackText {
  id: string;
  text: string;
  customerId: string | null;
  product: string | null;
}

export function externalKey(source: string, externalId: string): string {
  return `${source}\u0000${externalId}`;
}
