import { Injectable } from '@nestjs/common';
import { InsightsQueryService } from '../rollups/query/insights-query.service';
import type { QueryDimension, QueryFilters } from '../rollups/query/insights-query.types';
import { Period } from '../rollups/query/time-buckets';
import { emptySums, RollupSums } from '../rollups/rollup-facts';
import { customerFigures, newestAnalyses, outcomeFigures } from './components/aggregate-sources';
import { emptyCustomerFigures, emptyOutcomeFigures, IndexFigures } from './components/index-figures';
import { CustomerFiguresReader, PeopleFigures } from './customer-figures.reader';
import { IndexSourcesRepository, ITEM_COLUMNS } from './index-sources.repository';

/** Reviews and social mentions: what "public mentions" means for the Advocacy index. */
export const PUBLIC_KINDS = ['review', 'social_mention'];

/**
 * Gathers the figures of every group and period: feedback sums through the query layer (rollups), customer and
 * outcome counts from the pre-aggregated customer figures (or, for questions those cannot answer exactly, from
 * the raw rows).
 */
@Injectable()
export class IndexFiguresReader {
  constructor(
    private readonly insights: InsightsQueryService,
    private readonly sources: IndexSourcesRepository,
    private readonly preAggregated: CustomerFiguresReader,
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
    const [feedback, publicMentions, people] = await Promise.all([
      this.insights.sumsByPeriod(periods, filters, groupBy),
      publicKinds.length
        ? this.insights.sumsByPeriod(periods, { ...filters, kind: publicKinds }, groupBy)
        : Promise.resolve(new Map<string | null, RollupSums[]>()),
      this.people(periods, filters, groupBy),
    ]);
    const { customers, outcomes } = people;
    const groups = new Set([
      ...feedback.keys(),
      ...publicMentions.keys(),
      ...customers.keys(),
      ...outcomes.keys(),
    ]);
    const out = new Map<string | null, IndexFigures[]>();
    for (const group of groups)
      out.set(
        group,
        periods.map((_, i) => ({
          feedback: feedback.get(group)?.[i] ?? emptySums(),
          publicMentions: publicMentions.get(group)?.[i] ?? emptySums(),
          outcomes: outcomes.get(group)?.[i] ?? emptyOutcomeFigures(),
          customers: customers.get(group)?.[i] ?? emptyCustomerFigures(),
        })),
      );
    return out;
  }

  /**
   * Customer-level and outcome figures: from the pre-aggregated slices when they answer exactly, else from the
   * raw rows. Outcomes only know the customer's segment: with a filter or grouping on another dimension their
   * components have no data (the index renormalises over the rest).
   */
  async people(periods: Period[], filters: QueryFilters, groupBy?: QueryDimension): Promise<PeopleFigures> {
    const itemLevel = !filters.topic && !filters.signal && (!groupBy || groupBy in ITEM_COLUMNS);
    const outcomeLevel =
      itemLevel && Object.keys(filters).every((d) => d === 'segment') && (!groupBy || groupBy === 'segment');
    if (!itemLevel) return { customers: new Map(), outcomes: new Map() };
    return (
      (await this.preAggregated.read(periods, filters, groupBy, outcomeLevel)) ??
      this.raw(periods, filters, groupBy, outcomeLevel)
    );
  }

  /** The same figures counted from the raw rows (the reference the pre-aggregated slices are tested against). */
  async raw(
    periods: Period[],
    filters: QueryFilters,
    groupBy: QueryDimension | undefined,
    outcomeLevel: boolean,
  ): Promise<PeopleFigures> {
    const [from, to] = [new Date(periods[0].from), new Date(periods[periods.length - 1].to)];
    // With outcomes, every item of the customers is read: an event without a segment takes its customer's.
    const segments = outcomeLevel ? filters.segment : undefined;
    const [items, outcomes] = await Promise.all([
      this.sources.customerItems(from, to, (outcomeLevel ? {} : filters) as Record<string, string[]>),
      outcomeLevel ? this.sources.outcomes(from, to) : Promise.resolve([]),
    ]);
    const current = newestAnalyses(items);
    const inFilter = segments?.length ? current.filter((i) => segments.includes(i.group.segment)) : current;
    return {
      customers: customerFigures(inFilter, periods, groupBy),
      outcomes: outcomeLevel
        ? outcomeFigures(
            outcomes,
            current,
            periods,
            groupBy === 'segment',
            segments?.length ? segments : undefined,
          )
        : new Map(),
    };
  }
}
