import { Injectable } from '@nestjs/common';
import { TopicSuggestionsService, suggestionWindow } from '../../analysis/topic-suggestions.service';
import { AnomaliesService } from '../../anomalies/anomalies.service';
import { AnomalyDimension } from '../../anomalies/anomaly-kinds';
import { AnomalyDto } from '../../anomalies/dto/anomaly.dto';
import { TimeRange } from '../../rollups/query/insights-query.types';
import { TextFilters } from '../../feedback/feedback.repository';
import { DigestWeekPartsService } from '../precompute/digest-week-parts.service';
import { DigestSection, DigestSlice, SLICE_FIELDS } from './digest-content.types';

const MAX_LINES = 3;
const day = (d: Date) => d.toISOString().slice(0, 10);
const percent = (x: number) => `${Math.round(x * 100)} %`;

/** Every slice field is an anomaly series of its own (ANOMALY_DIMENSIONS) and an item filter of the themes. */
const SLICE_SERIES: readonly (keyof DigestSlice & AnomalyDimension)[] = SLICE_FIELDS;

function sliceFilters(slice: DigestSlice | null): TextFilters {
  const filters: TextFilters = {};
  for (const field of SLICE_FIELDS) if (slice?.[field] !== undefined) filters[field] = [slice[field]];
  return filters;
}

/**
 * The week's news beyond the figures: anomalies recorded by the detector and emerging themes (phrases whose rate
 * rose significantly against the four weeks before), at most three lines each, both narrowed to the reader's
 * slice. Anomalies are read by UTC day, as the detector records them: the detector keeps a series per value of
 * every slice field, so the reader gets their series' anomalies. Themes are searched in the slice's texts only.
 */
@Injectable()
export class DigestNewsReader {
  constructor(
    private readonly anomalies: AnomaliesService,
    private readonly themes: TopicSuggestionsService,
    private readonly parts: DigestWeekPartsService,
  ) {}

  async anomaliesOf(
    week: TimeRange,
    slice: DigestSlice | null,
  ): Promise<DigestSection<{ description: string }>> {
    const days = { fromDay: day(week.from), toDay: day(week.to) };
    const series = SLICE_SERIES.filter((f) => slice?.[f] !== undefined);
    // One list per series the reader's slice names (as GET /anomalies?dimension=&value= gives it), newest first.
    const lists = series.length
      ? await Promise.all(
          series.map((f) => this.anomalies.list({ ...days, dimension: [f], value: [slice![f]!] }, MAX_LINES)),
        )
      : [await this.anomalies.list(days, MAX_LINES)];
    const items = lists
      .flatMap((l) => l.items)
      .sort((a, b) => b.day.localeCompare(a.day) || b.id.localeCompare(a.id))
      .slice(0, MAX_LINES);
    return { available: true, items: items.map((a) => ({ description: describe(a) })) };
  }

  /**
   * Phrases of the slice's texts whose rate rose this week against the four before. The search reads every
   * text of the slice over five weeks (seconds at scale): its answer is kept per week window and slice
   * (DigestWeekPartsService), computed ahead by the precompute job.
   */
  async emergingThemesOf(
    week: TimeRange,
    slice: DigestSlice | null,
  ): Promise<DigestSection<{ theme: string; n: number }>> {
    const window = suggestionWindow(week.from, week.to);
    const filters = sliceFilters(slice);
    return this.parts.get(
      { part: 'themes', week, filters, reads: { ...week, from: window.baselineFrom } },
      async () => {
        const found = await this.themes.suggest(window, { limit: MAX_LINES, filters });
        return {
          available: true as const,
          items: found.suggestions.map((t) => ({
            theme:
              `“${t.phrase}”: ${t.recentCount} comments, ` +
              (t.isNew ? 'new this week' : `${t.lift.toFixed(1)}× its rate of the four weeks before`),
            n: t.recentCount,
          })),
        };
      },
    );
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
