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
import { DigestSection, DigestSlice, SLICE_FIELDS } from './digest-content.types';
import { sliceLabel } from '../email/digest-format';

const MAX_LINES = 3;
/** Themes of one window are the same for every slice: readers of the week share one search for this long. */
const THEMES_CACHE_MS = 10 * 60_000;
/** Slice fields that are also anomaly series: the detector watches each channel and touchpoint on its own. */
const ANOMALY_SLICE_FIELDS: readonly (keyof DigestSlice & AnomalyDimension)[] = ['channel', 'touchpoint'];
const day = (d: Date) => d.toISOString().slice(0, 10);
const percent = (x: number) => `${Math.round(x * 100)} %`;

/**
 * The week's news beyond the figures: anomalies recorded by the detector and emerging themes (phrases whose rate
 * rose significantly against the four weeks before), at most three lines each. Anomalies are read by UTC day,
 * as the detector records them, narrowed to the reader's channel and touchpoint (the series the detector keeps);
 * the themes service reads every text and cannot narrow to a slice: the section says so.
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
    const series = ANOMALY_SLICE_FIELDS.filter((f) => slice?.[f] !== undefined);
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
    const ignored = SLICE_FIELDS.filter(
      (f) => slice?.[f] !== undefined && !(ANOMALY_SLICE_FIELDS as readonly string[]).includes(f),
    );
    const note = ignored.length
      ? `Anomalies are detected per channel, touchpoint and topic over all feedback, not per ` +
        `${ignored.join(' or ')}: ${series.length ? 'these concern your channel or touchpoint, across' : 'these are across'} ` +
        `every ${ignored.join(' and ')}.`
      : undefined;
    return {
      available: true,
      items: items.map((a) => ({ description: describe(a) })),
      ...(note ? { note } : {}),
    };
  }

  async emergingThemesOf(
    week: TimeRange,
    slice: DigestSlice | null,
  ): Promise<DigestSection<{ theme: string; n: number }>> {
    const found = await this.suggestions(week);
    const label = sliceLabel(slice);
    return {
      available: true,
      items: found.suggestions.map((t) => ({
        theme:
          `“${t.phrase}”: ${t.recentCount} comments, ` +
          (t.isNew ? 'new this week' : `${t.lift.toFixed(1)}× its rate of the four weeks before`),
        n: t.recentCount,
      })),
      ...(label
        ? {
            note: `Emerging themes are found over all feedback: the themes service cannot narrow them to ${label}.`,
          }
        : {}),
    };
  }

  /** The themes service reads every text of five weeks (the costliest part of a build at scale); one search a window. */
  private suggestions(week: TimeRange): Promise<TopicSuggestions> {
    const key = `${week.from.toISOString()}/${week.to.toISOString()}`;
    const now = Date.now();
    for (const [k, v] of this.themesCache) if (now - v.at >= THEMES_CACHE_MS) this.themesCache.delete(k);
    const hit = this.themesCache.get(key);
    if (hit) return hit.found;
    const found = this.themes.suggest(suggestionWindow(week.from, week.to), { limit: MAX_LINES });
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
