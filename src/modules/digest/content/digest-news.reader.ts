import { Injectable } from '@nestjs/common';
import {
  TopicSuggestions,
  TopicSuggestionsService,
  suggestionWindow,
} from '../../analysis/topic-suggestions.service';
import { AnomaliesService } from '../../anomalies/anomalies.service';
import { AnomalyDimension } from '../../anomalies/anomaly-kinds';
import { AnomalyDto } from '../../anomalies/dto/anomaly.dto';
import { TimeRange } from '../../rollups/query/insights-query.types';
import { TextFilters } from '../../feedback/feedback.repository';
import { DigestSection, DigestSlice, SLICE_FIELDS } from './digest-content.types';

const MAX_LINES = 3;
/** Readers of one week and slice share one theme search for this long. */
const THEMES_CACHE_MS = 10 * 60_000;
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
  private readonly themesCache = new Map<string, { at: number; found: Promise<TopicSuggestions> }>();

  constructor(
    private readonly anomalies: AnomaliesService,
    private readonly themes: TopicSuggestionsService,
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

  async emergingThemesOf(
    week: TimeRange,
    slice: DigestSlice | null,
  ): Promise<DigestSection<{ theme: string; n: number }>> {
    const found = await this.suggestions(week, sliceFilters(slice));
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

  /** The themes service reads every text of the slice over five weeks (costly at scale): one search per week and slice. */
  private suggestions(week: TimeRange, filters: TextFilters): Promise<TopicSuggestions> {
    const key = JSON.stringify([week.from, week.to, filters]);
    const now = Date.now();
    for (const [k, v] of this.themesCache) if (now - v.at >= THEMES_CACHE_MS) this.themesCache.delete(k);
    const hit = this.themesCache.get(key);
    if (hit) return hit.found;
    const found = this.themes.suggest(suggestionWindow(week.from, week.to), { limit: MAX_LINES, filters });
    this.themesCache.set(key, { at: now, found });
    found.catch(() => this.themesCache.delete(key)); // a failed search is not kept
    return found;
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
