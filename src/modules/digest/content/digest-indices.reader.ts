import { Injectable } from '@nestjs/common';
import { IndicesService } from '../../indices/indices.service';
import { QueryFilters, TimeRange } from '../../rollups/query/insights-query.types';
import { isoWeekOfDate, formatIsoWeek } from '../time/iso-week';
import { changeVerdict } from './change-verdict';
import { DigestMetric, DigestSection } from './digest-content.types';

const LABELS: Record<string, string> = {
  satisfaction: 'Satisfaction index',
  advocacy: 'Advocacy index',
  trust: 'Trust index',
};

/**
 * The three SAT indices for the digest, read through IndicesService over the same weekly buckets as
 * `GET /api/v1/indices`: the reader's week is the last of the trend, its change is the service's own test
 * against the week before (so the email and the API cannot disagree).
 */
@Injectable()
export class DigestIndicesReader {
  constructor(private readonly indices: IndicesService) {}

  async read(trendRange: TimeRange, filters: QueryFilters): Promise<DigestSection<DigestMetric>> {
    const { points } = await this.indices.series({ granularity: 'week', range: trendRange, filters });
    const current = points[points.length - 1];
    const previous = points[points.length - 2];
    if (!current)
      return { available: false, reason: 'Satisfaction, advocacy and trust indices: no weeks to show' };
    const items = current.indices.map((index, k): DigestMetric => {
      const before = previous?.indices[k];
      const pValue = index.change?.pValue ?? null;
      const lowSample = index.lowSample || index.n === 0;
      const previousLowSample = !before || before.lowSample || before.n === 0;
      const verdict = changeVerdict({ pValue, lowSample, previousLowSample });
      return {
        key: index.index,
        label: LABELS[index.index] ?? index.index,
        value: index.value,
        previous: before?.value ?? null,
        change: index.change?.difference ?? null,
        n: index.n,
        previousN: before?.n ?? 0,
        pValue,
        verdict,
        significant: verdict === 'significant',
        lowSample,
        previousLowSample,
        trend: points.map((p) => ({
          week: weekOfDay(p.period),
          value: p.indices[k].value,
          n: p.indices[k].n,
        })),
      };
    });
    if (items.every((m) => m.value === null))
      return {
        available: false,
        reason: 'Satisfaction, advocacy and trust indices: no answers they rest on arrived this week',
      };
    return { available: true, items };
  }
}

/** A weekly bucket's first day (YYYY-MM-DD, a Monday) as its ISO week. */
function weekOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return formatIsoWeek(isoWeekOfDate(y, m, d));
}
