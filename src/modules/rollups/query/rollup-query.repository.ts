import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { placeholders } from '../../../database/insert-rows';
import { RollupSums, SUM_FIELDS } from '../rollup-facts';
import { ROLLUP_TABLES, RollupGrain, SUM_COLUMNS } from '../rollup.repository';
import { QueryDimension, QueryFilters } from './insights-query.types';

const COLUMN: Record<QueryDimension, string> = {
  kind: 'kind',
  source: 'source',
  channel: 'channel',
  touchpoint: 'touchpoint',
  journeyStage: 'journey_stage',
  segment: 'segment',
  language: 'language',
  topic: 'topic_key',
  signal: 'signal_type',
};

export interface SumsRow {
  bucket: number;
  group: string | null;
  sums: RollupSums;
}

/** The one SELECT over the rollup tables: sums per bucket (and group) over ranges of buckets. */
@Injectable()
export class RollupQueryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async sums(
    grain: RollupGrain,
    ranges: [number, number][],
    filters: QueryFilters,
    groupBy: QueryDimension | undefined,
  ): Promise<SumsRow[]> {
    if (!ranges.length) return [];
    const where: string[] = [];
    const params: unknown[] = [];
    // Item rows, topic rows or signal rows: never two kinds at once (a topic row and its item row would count twice).
    const facet =
      filters.topic || groupBy === 'topic'
        ? 'topic'
        : filters.signal || groupBy === 'signal'
          ? 'signal'
          : 'item';
    where.push(facet === 'topic' ? "topic_key <> ''" : "topic_key = ''");
    where.push(facet === 'signal' ? "signal_type <> ''" : "signal_type = ''");
    for (const [dim, values] of Object.entries(filters) as [QueryDimension, string[]][]) {
      if (!values?.length) continue;
      where.push(`${COLUMN[dim]} IN (${placeholders(values.length)})`);
      params.push(...values);
    }
    where.push(`(${ranges.map(() => '(bucket >= ? AND bucket < ?)').join(' OR ')})`);
    params.push(...ranges.flat());
    const group = groupBy ? COLUMN[groupBy] : "''";
    const sums = SUM_COLUMNS.map((c, i) => `SUM(${c}) AS s${i}`).join(', ');
    const rows: Record<string, number | string>[] = await this.dataSource.query(
      `SELECT bucket, ${group} AS grp, ${sums} FROM ${ROLLUP_TABLES[grain]}
       WHERE ${where.join(' AND ')} GROUP BY bucket${groupBy ? `, ${group}` : ''}`,
      params,
    );
    return rows.map((r) => ({
      bucket: Number(r.bucket),
      group: groupBy ? String(r.grp) : null,
      sums: Object.fromEntries(SUM_FIELDS.map((f, i) => [f, Number(r[`s${i}`])])) as RollupSums,
    }));
  }
}
