import { Injectable } from '@nestjs/common';
import { TopicSuggestionsService, suggestionWindow } from '../../analysis/topic-suggestions.service';
import { AnomaliesService } from '../../anomalies/anomalies.service';
import { AnomalyDto } from '../../anomalies/dto/anomaly.dto';
import { TimeRange } from '../../rollups/query/insights-query.types';
import { DigestSection } from './digest-content.types';

const MAX_LINES = 3;
const day = (d: Date) => d.toISOString().slice(0, 10);
const percent = (x: number) => `${Math.round(x * 100)} %`;

/**
 * The week's news beyond the figures: anomalies recorded by the detector and emerging themes (phrases whose rate
 * rose significantly against the four weeks before), at most three lines each. Both are read across all
 * feedback (neither service narrows to a slice) and anomalies by UTC day, as the detector records them.
 */
@Injectable()
export class DigestNewsReader {
  constructor(
    private readonly anomalies: AnomaliesService,
    private readonly themes: TopicSuggestionsService,
  ) {}

  async anomaliesOf(week: TimeRange): Promise<DigestSection<{ description: string }>> {
    const { items } = await this.anomalies.list({ fromDay: day(week.from), toDay: day(week.to) }, MAX_LINES);
    return { available: true, items: items.map((a) => ({ description: describe(a) })) };
  }

  async emergingThemesOf(week: TimeRange): Promise<DigestSection<{ theme: string; n: number }>> {
    const found = await this.themes.suggest(suggestionWindow(week.from, week.to), { limit: MAX_LINES });
    return {
      available: true,
      items: found.suggestions.map((t) => ({
        theme:
          `“${t.phrase}”: ${t.recentCount} comments, ` +
          (t.isNew ? 'new this week' : `${t.lift.toFixed(1)}× its rate of the four weeks before`),
        n: t.recentCount,
      })),
    };
  }
}

function describe(a: AnomalyDto): string {
  const where = `${a.dimension} ${a.value}`;
  const span = a.window === 'week' ? `in the 7 days to ${a.day}` : `on ${a.day}`;
  return a.kind === 'volume_spike'
    ? `Volume spike at ${where} ${span}: ${a.observed} items where about ${Math.round(a.expected)} were expected`
    : `Negative share spike at ${where} ${span}: ${percent(a.observed)} negative where ${percent(a.expected)} ` +
        `was usual (n = ${a.n})`;
}
