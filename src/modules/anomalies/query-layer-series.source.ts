import { Injectable } from '@nestjs/common';
import { InsightsQueryService } from '../rollups/query/insights-query.service';
import type { AnomalyDimension } from './anomaly-kinds';
import { DailySeriesSource } from './daily-series.source';
import { DayCounts, SeriesHistory, shiftDay } from './spike-detector';

const DAY_MS = 86_400_000;

/**
 * Daily series read through the one query layer: `volume` gives the items, `negative_share` the share and
 * the scored items it rests on (negatives = share × scored), so the counts are the same numbers trends show.
 */
@Injectable()
export class QueryLayerSeriesSource implements DailySeriesSource {
  constructor(private readonly insights: InsightsQueryService) {}

  async series(dimension: AnomalyDimension, fromDay: string, toDay: string): Promise<SeriesHistory[]> {
    const periods: { label: string; from: number; to: number }[] = [];
    for (let day = fromDay; day <= toDay; day = shiftDay(day, 1)) {
      const from = Date.parse(`${day}T00:00:00Z`);
      periods.push({ label: day, from, to: from + DAY_MS });
    }
    const sums = await this.insights.sumsByPeriod(periods, {}, dimension);
    const out: SeriesHistory[] = [];
    for (const [group, perDay] of sums) {
      if (!group) continue; // items without a value (no touchpoint, segment, topic…) are not a series
      const days = new Map<string, DayCounts>();
      perDay.forEach((s, i) => {
        const volume = this.insights.evaluate('volume', s);
        if (!volume.n) return;
        const share = this.insights.evaluate('negative_share', s);
        days.set(periods[i].label, {
          n: volume.n,
          scored: share.n,
          negatives: share.value === null ? 0 : Math.round(share.value * share.n),
        });
      });
      out.push({ dimension, value: group, days });
    }
    return out;
  }
}
