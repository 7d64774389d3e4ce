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

  /** Anomalies already recorded from the first to the last of these (sorted) days. */
  async recorded(manager: EntityManager, days: string[]): Promise<AnomalyEntity[]> {
    if (!days.length) return [];
    return manager
      .getRepository(AnomalyEntity)
      .createQueryBuilder('a')
      .select(['a.kind', 'a.dimension', 'a.dimensionValue', 'a.window', 'a.day'])
      .where('a.day >= :from AND a.day <= :to', { from: days[0], to: days[days.length - 1] })
      .getMany();
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

/** The series an anomaly belongs to: kind, dimension, value and window. */
export function seriesKey(
  a: Pick<AnomalyEntity, 'kind' | 'dimension' | 'dimensionValue' | 'window'>,
): string {
  return `${a.kind}|${a.dimension}|${a.dimensionValue}|${a.window}`;
}
