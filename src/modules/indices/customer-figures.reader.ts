import { Injectable, Logger } from '@nestjs/common';
import { bucketOf, grainOfPeriods, MS_PER_DAY } from '../rollups/customer-figures/customer-buckets';
import { CustomerFiguresService } from '../rollups/customer-figures/customer-figures.service';
import type { QueryDimension, QueryFilters } from '../rollups/query/insights-query.types';
import type { Period } from '../rollups/query/time-buckets';
import { ROLLUP_DIMENSIONS, RollupDimension } from '../rollups/rollup-facts';
import {
  CustomerFigures,
  emptyCustomerFigures,
  emptyOutcomeFigures,
  OutcomeFigures,
} from './components/index-figures';

const CUSTOMER_FIELDS = Object.keys(emptyCustomerFigures()) as (keyof CustomerFigures)[];
const OUTCOME_FIELDS = Object.keys(emptyOutcomeFigures()) as (keyof OutcomeFigures)[];

export interface PeopleFigures {
  customers: Map<string | null, CustomerFigures[]>;
  outcomes: Map<string | null, OutcomeFigures[]>;
}

/**
 * The customer-level and outcome figures from the pre-aggregated slices (customer_figure_slices). A customer
 * counts once per bucket and slice, so the answer is exact only when every period is one whole bucket (UTC
 * day, ISO week or month) and the question is one slice: at most two item dimensions, each filtered to one
 * value unless it is the group-by. Anything else answers null (the caller counts from the raw rows), and so does
 * every question while an upgraded database still waits for its backfill (see CustomerFiguresService).
 */
@Injectable()
export class CustomerFiguresReader {
  private readonly logger = new Logger(CustomerFiguresReader.name);
  private warned = false;

  constructor(private readonly figures: CustomerFiguresService) {}

  async read(
    periods: Period[],
    filters: QueryFilters,
    groupBy: QueryDimension | undefined,
    withOutcomes: boolean,
  ): Promise<PeopleFigures | null> {
    const grain = grainOfPeriods(periods);
    const slice = sliceOf(filters, groupBy);
    if (!grain || !slice) return null;
    if (await this.figures.backfillPending()) {
      if (!this.warned)
        this.logger.warn(
          'customer figures are not built for rows stored before the upgrade: indices count from the raw rows until `npm run rollups:rebuild -- --yes` has run',
        );
      this.warned = true;
      return null;
    }
    const first = periods[0].from / MS_PER_DAY;
    const rows = await this.figures.counts(
      grain,
      [first, bucketOf(grain, periods[periods.length - 1].from) + 1],
      slice,
    );
    const index = new Map(periods.map((p, i) => [p.from / MS_PER_DAY, i]));
    const out: PeopleFigures = { customers: new Map(), outcomes: new Map() };
    for (const row of rows) {
      const p = index.get(row.bucket);
      if (p === undefined) continue;
      const customerCounts = row.counts.withSentiment > 0;
      const outcomeCounts = withOutcomes && OUTCOME_FIELDS.some((f) => row.counts[f] !== 0);
      if (!customerCounts && !outcomeCounts) continue;
      const group = slice.groupColumn === 'a' ? row.valueA : slice.groupColumn === 'b' ? row.valueB : null;
      if (customerCounts) {
        const c = slot(out.customers, group, periods.length, emptyCustomerFigures)[p];
        for (const f of CUSTOMER_FIELDS) c[f] += row.counts[f];
      }
      if (outcomeCounts) {
        const o = slot(out.outcomes, group, periods.length, emptyOutcomeFigures)[p];
        for (const f of OUTCOME_FIELDS) o[f] += row.counts[f];
      }
    }
    return out;
  }
}

function slot<T>(out: Map<string | null, T[]>, group: string | null, n: number, make: () => T): T[] {
  let list = out.get(group);
  if (!list) out.set(group, (list = Array.from({ length: n }, make)));
  return list;
}

/** The one slice that answers a question exactly, or null. */
export function sliceOf(filters: QueryFilters, groupBy: QueryDimension | undefined) {
  const dims = ROLLUP_DIMENSIONS.filter(
    (d) => filters[d]?.length || groupBy === d,
  ).sort() as RollupDimension[];
  if (dims.length > 2) return null;
  if (dims.some((d) => d !== groupBy && filters[d]!.length > 1)) return null;
  const [dimA = '', dimB = ''] = dims;
  return {
    dimA,
    dimB,
    valueA: dimA && filters[dimA]?.length ? filters[dimA] : undefined,
    valueB: dimB && filters[dimB]?.length ? filters[dimB] : undefined,
    groupColumn: groupBy && groupBy === dimA ? 'a' : groupBy && groupBy === dimB ? 'b' : null,
  } as const;
}
