import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { FeedbackAnalysisEntity } from '../analysis/entities/feedback-analysis.entity';
import { FeedbackTopicEntity } from '../analysis/entities/feedback-topic.entity';

export interface ItemAnalysis {
  sentiment: { label: string | null; score: number | null } | null;
  signals: string[];
  topics: { key: string; sentimentLabel: string; sentimentScore: number }[];
}

/**
 * Read-only: the newest analysis of each of a customer's feedback items and its topics. The journey reads
 * the analysis tables directly (one query each for up to 500 items) rather than item by item through
 * AnalysisService, whose per-item read would cost a round trip per item.
 */
@Injectable()
export class JourneyAnalysisRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forFeedback(feedbackIds: string[]): Promise<Map<string, ItemAnalysis>> {
    const found = new Map<string, ItemAnalysis>();
    if (!feedbackIds.length) return found;
    const analyses = await this.dataSource.getRepository(FeedbackAnalysisEntity).find({
      select: {
        feedbackId: true,
        pipelineVersion: true,
        sentimentLabel: true,
        sentimentScore: true,
        signals: true,
        analysedAt: true,
      },
      where: { feedbackId: In(feedbackIds) },
    });
    const newest = new Map<string, FeedbackAnalysisEntity>();
    for (const a of analyses) {
      const seen = newest.get(a.feedbackId);
      if (!seen || a.analysedAt > seen.analysedAt) newest.set(a.feedbackId, a);
    }
    const topics = newest.size
      ? await this.dataSource.getRepository(FeedbackTopicEntity).find({
          where: { feedbackId: In([...newest.keys()]) },
          order: { confidence: 'DESC' },
        })
      : [];
    for (const [id, a] of newest) {
      found.set(id, {
        sentiment: a.sentimentLabel === null ? null : { label: a.sentimentLabel, score: a.sentimentScore },
        signals: a.signals ? a.signals.split(',') : [],
        topics: topics
          .filter((t) => t.feedbackId === id && t.pipelineVersion === a.pipelineVersion)
          .map((t) => ({
            key: t.topicKey,
            sentimentLabel: t.sentimentLabel,
            sentimentScore: t.sentimentScore,
          })),
      });
    }
    return found;
  }
}
