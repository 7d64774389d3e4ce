import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { placeholders } from '../../../database/insert-rows';
import { leadingKeysSql } from '../dialects/leading-keys';
import { emptySums, ROLLUP_DIMENSIONS, RollupDimension, RollupSums, SUM_FIELDS } from '../rollup-facts';
import { ROLLUP_TABLES, RollupGrain, SUM_COLUMNS } from '../rollup.repository';
import { SLICE_TABLES, SliceGrain } from '../rollup-slices';
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
  /** The value of the second grouping (`splitBy`), when one was asked for. */
  split?: string;
  sums: RollupSums;
}

const SUM_ALIASES = SUM_FIELDS.map((_, i) => `s${i}`);

/** A row's `s0`, `s1`, … as sums (written into one object shape: thousands of rows per answer). */
function sumsOf(row: Record<string, number | string>): RollupSums {
  const sums = emptySums();
  for (let i = 0; i < SUM_FIELDS.length; i++) sums[SUM_FIELDS[i]] = Number(row[SUM_ALIASES[i]]);
  return sums;
}

/** The item dimensions a question touches (filters and group-by; topic and signal are rows, not dimensions). */
export function itemDimensionsOf(filters: QueryFilters, groupBy?: QueryDimension): RollupDimension[] {
  const dims = new Set<RollupDimension>();
  for (const d of ROLLUP_DIMENSIONS) if (filters[d]?.length || groupBy === d) dims.add(d);
  return [...dims].sort();
}

/** The SELECTs over the rollup tables: sums per bucket (and group) over ranges of buckets. */
@Injectable()
export class RollupQueryRepository {
  private readonly keysUnderWay = new Map<string, Promise<string[]>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** From the tables keyed by every dimension (hourly or daily): exact for any combination of filters. */
  sums(
    grain: RollupGrain,
    ranges: [number, number][],
    filters: QueryFilters,
    groupBy?: QueryDimension,
    splitBy?: QueryDimension,
  ) {
    const column = (d: QueryDimension) => COLUMN[d];
    return this.select(ROLLUP_TABLES[grain], [], ranges, filters, groupBy, column, splitBy);
  }

  /** From the slices of one level: for questions touching at most two (hours: one) item dimensions. */
  sliceSums(
    grain: SliceGrain,
    ranges: [number, number][],
    filters: QueryFilters,
    groupBy?: QueryDimension,
    splitBy?: QueryDimension,
  ) {
    const [a, b] = itemDimensionsOf(filters, groupBy);
    const column = (d: QueryDimension) => (d === a ? 'value_a' : d === b ? 'value_b' : COLUMN[d]);
    const slice: [string, unknown][] = [
      ['dim_a = ?', a ?? ''],
      ['dim_b = ?', b ?? ''],
    ];
    return this.select(SLICE_TABLES[grain], slice, ranges, filters, groupBy, column, splitBy);
  }

  private async select(
    table: string,
    fixed: [string, unknown][],
    ranges: [number, number][],
    filters: QueryFilters,
    groupBy: QueryDimension | undefined,
    column: (d: QueryDimension) => string,
    splitBy?: QueryDimension,
  ): Promise<SumsRow[]> {
    if (!ranges.length) return [];
    // A second grouping is only by an item dimension the filters list (so the slice read is the same one).
    if (splitBy && (!filters[splitBy]?.length || splitBy === 'topic' || splitBy === 'signal'))
      throw new Error(`splitBy ${splitBy} needs a filter on it`);
    const where: string[] = [];
    const params: unknown[] = [];
    // Item rows, topic rows or signal rows: never two kinds at once (a topic row and its item row would count twice).
    const facet =
      filters.topic || groupBy === 'topic'
        ? 'topic'
        : filters.signal || groupBy === 'signal'
          ? 'signal'
          : 'item';
    // As equalities (the keys there are, when no filter lists them): topic and signal lead every key, and a
    // `<> ''` range there would leave the rest of the key unused (a scan of every topic row of every bucket).
    for (const [column, on] of [
      ['topic_key', facet === 'topic'],
      ['signal_type', facet === 'signal'],
    ] as const) {
      if (!on) where.push(`${column} = ''`);
      else if (!filters[column === 'topic_key' ? 'topic' : 'signal']?.length) {
        const keys = await this.keysOf(table, column);
        if (!keys.length) return [];
        where.push(`${column} IN (${placeholders(keys.length)})`);
        params.push(...keys);
      }
    }
    for (const [condition, value] of fixed) {
      where.push(condition);
      params.push(value);
    }
    for (const [dim, values] of Object.entries(filters) as [QueryDimension, string[]][]) {
      if (!values?.length) continue;
      where.push(`${column(dim)} IN (${placeholders(values.length)})`);
      params.push(...values);
    }
    const group = groupBy ? column(groupBy) : "''";
    const split = splitBy ? `, ${column(splitBy)} AS spl` : '';
    const sums = SUM_COLUMNS.map((c, i) => `SUM(${c}) AS s${i}`).join(', ');
    const query = (part: [number, number][]): Promise<Record<string, number | string>[]> =>
      this.dataSource.query(
        `SELECT bucket, ${group} AS grp${split}, ${sums} FROM ${table}
         WHERE ${where.join(' AND ')} AND (${part.map(() => '(bucket >= ? AND bucket < ?)').join(' OR ')})
         GROUP BY bucket${groupBy ? `, ${group}` : ''}${splitBy ? `, ${column(splitBy)}` : ''}`,
        [...params, ...part.flat()],
      );
    // MySQL turns OR'd bucket ranges into one index range each; SQLite would scan every bucket of the slice
    // instead, so there each range is its own (in-process, cheap) query. Ranges are disjoint: rows just concatenate.
    const rows =
      this.dataSource.options.type === 'better-sqlite3'
        ? (await Promise.all(ranges.map((r) => query([r])))).flat()
        : await query(ranges);
    return rows.map((r) => ({
      bucket: Number(r.bucket),
      group: groupBy ? String(r.grp) : null,
      ...(splitBy ? { split: String(r.spl) } : {}),
      sums: sumsOf(r),
    }));
  }

  /**
   * The topic keys (or signal types) a table holds: an index seek per value, not a scan. Reads asked for while the
   * same one is under way share it (a pain points answer asks for the topics of two dimensions at once).
   */
  private keysOf(table: string, column: 'topic_key' | 'signal_type'): Promise<string[]> {
    const key = `${table}.${column}`;
    let keys = this.keysUnderWay.get(key);
    if (!keys) {
      keys = this.readKeys(table, column).finally(() => this.keysUnderWay.delete(key));
      this.keysUnderWay.set(key, keys);
    }
    return keys;
  }

  private async readKeys(table: string, column: 'topic_key' | 'signal_type'): Promise<string[]> {
    const rows: { k: string }[] = await this.dataSource.query(
      leadingKeysSql(this.dataSource.options.type, table, column),
    );
    return rows.map((r) => r.k);
  }
}
