import { Injectable } from '@nestjs/common';
import type { TextFilters } from '../feedback/feedback.repository';
import { FeedbackService } from '../feedback/feedback.service';
import { AnalysisPipelineService } from './analysis-pipeline.service';
import { AnalysisRepository } from './analysis.repository';
import { type EmergingTheme, findEmergingThemes, ThemeText } from './engine/topics/emerging-themes';
import { topicKeyOf } from './engine/topics/topic-definition';
import { TopicEntity } from './entities/topic.entity';
import { TopicsService } from './topics.service';

const MAX_TEXTS = 20_000;
/** The default baseline is this many windows long, right before the window: a week against the four before it. */
export const BASELINE_WINDOWS = 4;

export interface SuggestionWindow {
  from: Date;
  to: Date;
  /** Start of the baseline, which ends where the window starts. */
  baselineFrom: Date;
}

export interface SuggestionOptions {
  limit?: number;
  /** Read only texts no topic covers (to find what the taxonomy misses), not every text. */
  uncoveredOnly?: boolean;
  /** Read only items of this slice (segment, channel…), in the window and the baseline alike. */
  filters?: TextFilters;
}

export interface TopicSuggestions {
  window: { from: string; to: string; baselineFrom: string; baselineTo: string };
  suggestions: EmergingTheme[];
  /** Texts read in the window and in the baseline before it: with no baseline texts nothing can emerge. */
  recentTexts: number;
  baselineTexts: number;
  uncoveredOnly: boolean;
  /** The slice read (absent fields: every value). */
  filters: TextFilters;
}

/** The window [from, to) and its baseline: `baselineFrom` given, or BASELINE_WINDOWS windows before `from`. */
export function suggestionWindow(from: Date, to: Date, baselineFrom?: Date): SuggestionWindow {
  const length = to.getTime() - from.getTime();
  return {
    from,
    to,
    baselineFrom: baselineFrom ?? new Date(from.getTime() - BASELINE_WINDOWS * length),
  };
}

/**
 * Emerging themes: phrases whose rate in a window rose significantly above their rate in the baseline before it.
 * Read over every text of the slice asked for (all feedback by default), covered by a topic or not (a spike
 * inside a known topic, such as checkout failures under `ordering`, is still news); each theme says which
 * topics cover its texts.
 */
@Injectable()
export class TopicSuggestionsService {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly analysis: AnalysisRepository,
    private readonly pipelines: AnalysisPipelineService,
    private readonly topics: TopicsService,
  ) {}

  async suggest(window: SuggestionWindow, options: SuggestionOptions = {}): Promise<TopicSuggestions> {
    const uncoveredOnly = options.uncoveredOnly ?? false;
    const filters = options.filters ?? {};
    const [recent, baseline] = await Promise.all([
      this.texts(window.from, window.to, uncoveredOnly, filters),
      this.texts(window.baselineFrom, window.from, uncoveredOnly, filters),
    ]);
    return {
      window: {
        from: window.from.toISOString(),
        to: window.to.toISOString(),
        baselineFrom: window.baselineFrom.toISOString(),
        baselineTo: window.from.toISOString(),
      },
      suggestions: findEmergingThemes(recent, baseline, { limit: options.limit ?? 20 }),
      recentTexts: recent.length,
      baselineTexts: baseline.length,
      uncoveredOnly,
      filters,
    };
  }

  /** One click: the phrase becomes a topic (which starts re-analysis through the new pipeline version). */
  async accept(phrase: string, name?: string, parentKey?: string): Promise<TopicEntity> {
    const topicName = name ?? phrase.replace(/\b\w/g, (c) => c.toUpperCase());
    return this.topics.create(topicKeyOf(topicName), {
      name: topicName,
      parentKey: parentKey ?? null,
      phrases: [phrase],
    });
  }

  private async texts(
    from: Date,
    to: Date,
    uncoveredOnly: boolean,
    filters: TextFilters,
  ): Promise<ThemeText[]> {
    const rows = await this.feedback.findTexts(from, to, MAX_TEXTS, filters);
    const { version } = await this.pipelines.current();
    const topics = await this.analysis.topicsOf(
      version,
      rows.map((r) => r.id),
    );
    const texts = rows.map((r) => ({ ...r, topics: topics.get(r.id) ?? [] }));
    return uncoveredOnly ? texts.filter((t) => t.topics.length === 0) : texts;
  }
}
