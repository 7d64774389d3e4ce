import { Injectable } from '@nestjs/common';
import { FeedbackService } from '../feedback/feedback.service';
import { AnalysisPipelineService } from './analysis-pipeline.service';
import { AnalysisRepository } from './analysis.repository';
import { type EmergingTheme, findEmergingThemes } from './engine/topics/emerging-themes';
import { topicKeyOf } from './engine/topics/topic-definition';
import { TopicEntity } from './entities/topic.entity';
import { TopicsService } from './topics.service';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_TEXTS = 20_000;

export interface SuggestionWindow {
  recentDays: number;
  baselineDays: number;
}

export interface TopicSuggestions {
  suggestions: EmergingTheme[];
  /** Texts no topic covers in the recent window and in the baseline before it: what the suggestions read. */
  uncoveredRecentTexts: number;
  uncoveredBaselineTexts: number;
}

/** Emerging themes among feedback no topic covers: phrases that rose well above their baseline, or are new. */
@Injectable()
export class TopicSuggestionsService {
  constructor(
    private readonly feedback: FeedbackService,
    private readonly analysis: AnalysisRepository,
    private readonly pipelines: AnalysisPipelineService,
    private readonly topics: TopicsService,
  ) {}

  /** With no baseline texts nothing can be said to have risen, so the counts say why a list is empty. */
  async suggest(window: SuggestionWindow, now = new Date(), limit = 20): Promise<TopicSuggestions> {
    const recentFrom = new Date(now.getTime() - window.recentDays * DAY_MS);
    const baselineFrom = new Date(recentFrom.getTime() - window.baselineDays * DAY_MS);
    const [recent, baseline] = await Promise.all([
      this.uncovered(recentFrom, now),
      this.uncovered(baselineFrom, recentFrom),
    ]);
    return {
      suggestions: findEmergingThemes(recent, baseline, { limit }),
      uncoveredRecentTexts: recent.length,
      uncoveredBaselineTexts: baseline.length,
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

  private async uncovered(from: Date, to: Date): Promise<string[]> {
    const rows = await this.feedback.findTexts(from, to, MAX_TEXTS);
    const { version } = await this.pipelines.current();
    const covered = await this.analysis.idsWithTopics(
      version,
      rows.map((r) => r.id),
    );
    return rows.filter((r) => !covered.has(r.id)).map((r) => r.text);
  }
}
