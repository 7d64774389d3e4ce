import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { insertRows } from '../../database/insert-rows';
import { AnomalyEntity } from './entities/anomaly.entity';

export interface AnomalyFilter {
  kind?: string[];
  dimension?: string[];
  value?: string[];
  fromDay?: string;
  toDay?: string;
}

@Injectable()
export class AnomaliesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Keys (`kind|dimension|value|day`) already recorded for these days. */
  async existingKeys(manager: EntityManager, days: string[]): Promise<Set<string>> {
    if (!days.length) return new Set();
    const rows = await manager
      .getRepository(AnomalyEntity)
      .createQueryBuilder('a')
      .select(['a.kind', 'a.dimension', 'a.dimensionValue', 'a.day'])
      .where('a.day IN (:...days)', { days })
      .getMany();
    return new Set(rows.map(anomalyKey));
  }

  async insert(manager: EntityManager, rows: AnomalyEntity[]): Promise<void> {
    await insertRows(manager, AnomalyEntity, rows, { ignoreDuplicates: true });
  }

  /** Newest day first, then the strongest evidence; `after` = the last row of the previous page. */
  list(filter: AnomalyFilter, limit: number, after?: { day: string; id: string }): Promise<AnomalyEntity[]> {
    const q = this.dataSource.getRepository(AnomalyEntity).createQueryBuilder('a');
    if (filter.kind) q.andWhere('a.kind IN (:...kind)', { kind: filter.kind });
    if (filter.dimension) q.andWhere('a.dimension IN (:...dimension)', { dimension: filter.dimension });
    if (filter.value) q.andWhere('a.dimension_value IN (:...value)', { value: filter.value });
    if (filter.fromDay) q.andWhere('a.day >= :fromDay', { fromDay: filter.fromDay });
    if (filter.toDay) q.andWhere('a.day < :toDay', { toDay: filter.toDay });
    if (after)
      q.andWhere(
        new Brackets((w) =>
          w
            .where('a.day < :afterDay', { afterDay: after.day })
            .orWhere('a.day = :afterDay AND a.id < :afterId', { afterId: after.id }),
        ),
      );
    return q.orderBy('a.day', 'DESC').addOrderBy('a.id', 'DESC').limit(limit).getMany();
  }
}

export function anomalyKey(a: Pick<AnomalyEntity, 'kind' | 'dimension' | 'dimensionValue' | 'day'>): string {
  return `${a.kind}|${a.dimension}|${a.dimensionValue}|${a.day}`;
}
