import { Injectable } from '@nestjs/common';
import { InsightsQueryService } from '../rollups/query/insights-query.service';
import type { QueryDimension, QueryFilters } from '../rollups/query/insights-query.types';
import { Period } from '../rollups/query/time-buckets';
import { emptySums, RollupSums } from '../rollups/rollup-facts';
import { customerFigures, newestAnalyses, outcomeFigures } from './components/aggregate-sources';
import { emptyCustomerFigures, emptyOutcomeFigures, IndexFigures } from './components/index-figures';
import { IndexSourcesRepository, ITEM_COLUMNS } from './index-sources.repository';

/** Reviews and social mentions: what "public mentions" means for the Advocacy index. */
export const PUBLIC_KINDS = ['review', 'social_mention'];

/**
 * Gathers the figures of every group and period: feedback sums through the query layer (rollups), outcome and
 * customer counts from their source rows. Outcomes only know the customer's segment, so with a filter or a
 * grouping on another dimension their components have no data (the index renormalises over the rest).
 */
@Injectable()
export class IndexFiguresReader {
  constructor(
    private readonly insights: InsightsQueryService,
    private readonly sources: IndexSourcesRepository,
  ) {}

  empty(): IndexFigures {
    return {
      feedback: emptySums(),
      publicMentions: emptySums(),
      outcomes: emptyOutcomeFigures(),
      customers: emptyCustomerFigures(),
    };
  }

  async read(
    periods: Period[],
    filters: QueryFilters,
    groupBy?: QueryDimension,
  ): Promise<Map<string | null, IndexFigures[]>> {
    if (!periods.length) return new Map();
    const publicKinds = filters.kind ? filters.kind.filter((k) => PUBLIC_KINDS.includes(k)) : PUBLIC_KINDS;
    const itemLevel = !filters.topic && !filters.signal && (!groupBy || groupBy in ITEM_COLUMNS);
    const outcomeLevel =
      itemLevel && Object.keys(filters).every((d) => d === 'segment') && (!groupBy || groupBy === 'segment');
    const [from, to] = [new Date(periods[0].from), new Date(periods[periods.length - 1].to)];
    const [feedback, publicMentions, items, outcomes] = await Promise.all([
      this.insights.sumsByPeriod(periods, filters, groupBy),
      publicKinds.length
        ? this.insights.sumsByPeriod(periods, { ...filters, kind: publicKinds }, groupBy)
        : Promise.resolve(new Map<string | null, RollupSums[]>()),
      itemLevel
        ? this.sources.customerItems(from, to, filters as Record<string, string[]>)
        : Promise.resolve([]),
      outcomeLevel ? this.sources.outcomes(from, to, filters.segment) : Promise.resolve([]),
    ]);
    const current = newestAnalyses(items);
    const customers = customerFigures(current, periods, groupBy);
    const outcomeCounts = outcomeLevel
      ? outcomeFigures(outcomes, current, periods, groupBy === 'segment')
      : new Map();
    const groups = new Set([
      ...feedback.keys(),
      ...publicMentions.keys(),
      ...customers.keys(),
      ...outcomeCounts.keys(),
    ]);
    const out = new Map<string | null, IndexFigures[]>();
    for (const group of groups)
      out.set(
        group,
        periods.map((_, i) => ({
          feedback: feedback.get(group)?.[i] ?? emptySums(),
          publicMentions: publicMentions.get(group)?.[i] ?? emptySums(),
          outcomes: outcomeCounts.get(group)?.[i] ?? emptyOutcomeFigures(),
          customers: customers.get(group)?.[i] ?? emptyCustomerFigures(),
        })),
      );
    return out;
  }
}
