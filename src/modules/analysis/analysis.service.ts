import { Injectable, Logger } from '@nestjs/common';
import { FeedbackService } from '../feedback/feedback.service';
import { RollupsService } from '../rollups/rollups.service';
import { AnalysisPipelineService } from './analysis-pipeline.service';
import { AnalysisRepository } from './analysis.repository';
import { PresentedAnalysis, presentAnalysis, toAnalysisRows } from './analysis-result.mapper';
import { FeedbackAnalysisEntity } from './entities/feedback-analysis.entity';
import { FeedbackTopicEntity } from './entities/feedback-topic.entity';

export type FeedbackAnalysis =
  | { status: 'analysed'; version: string; analysedAt: string; result: PresentedAnalysis }
  | { status: 'skipped' | 'failed'; reason: string; version: null; analysedAt: null; result: null };

export interface BatchReport {
  version: string;
  analysed: number;
  skipped: number;
  failed: number;
  /** The UTC days (YYYY-MM-DD) the batch's items occurred on: their rollups changed. */
  days: string[];
}

/** Runs the pipeline over stored feedback (jobs) or over texts given directly (synchronous scoring). */
@Injectable()
export class AnalysisService {
  private readonly logger = new Logger(AnalysisService.name);

  constructor(
    private readonly pipelines: AnalysisPipelineService,
    private readonly feedback: FeedbackService,
    private readonly repository: AnalysisRepository,
    private readonly rollups: RollupsService,
  ) {}

  /**
   * Analyses a batch and stores the results under the current pipeline version. Idempotent: a second run
   * replaces the same rows with the same values. An item the pipeline cannot handle fails alone; a database
   * error fails the job (and the queue retries it).
   */
  async analyseBatch(feedbackIds: string[]): Promise<BatchReport> {
    const pipeline = await this.pipelines.current();
    const items = await this.feedback.findByIds(feedbackIds);
    const now = new Date();
    const analyses: FeedbackAnalysisEntity[] = [];
    const topics: FeedbackTopicEntity[] = [];
    const analysed: string[] = [];
    const skipped: string[] = [];
    const failed: { id: string; reason: string }[] = [];
    const languageOf = new Map<string, string>();
    for (const item of items) {
      if (!item.text?.trim()) {
        skipped.push(item.id);
        continue;
      }
      try {
        const result = pipeline.analyse(item.text);
        const rows = toAnalysisRows(item.id, pipeline.version, result, now, item.occurredAt);
        if (item.language === null && result.language !== 'und') languageOf.set(item.id, result.language);
        analyses.push(rows.analysis);
        topics.push(...rows.topics);
        analysed.push(item.id);
      } catch (error) {
        failed.push({ id: item.id, reason: (error as Error).message.slice(0, 480) });
      }
    }
    await this.repository.replaceResults(
      pipeline.version,
      items.map((item) => item.id),
      [...analysed, ...skipped],
      analyses,
      topics,
      async (manager) => {
        await this.feedback.setAnalysisStatus(analysed, 'analysed', null, manager);
        // The same rows the status update just locked: no new lock, so no new deadlock (see replaceResults).
        await this.feedback.fillLanguages(languageOf, manager);
        await this.feedback.setAnalysisStatus(skipped, 'skipped', 'no text to analyse', manager);
        for (const f of failed) await this.feedback.setAnalysisStatus([f.id], 'failed', f.reason, manager);
        // A failed item keeps its previous analysis (if any) but its volume and scores count from now on.
        await this.rollups.refresh(manager, [...analysed, ...skipped, ...failed.map((f) => f.id)]);
      },
    );
    if (failed.length) this.logger.warn(`${failed.length} item(s) failed analysis: ${failed[0].reason}`);
    return {
      days: [...new Set(items.map((item) => item.occurredAt.toISOString().slice(0, 10)))].sort(),
      version: pipeline.version,
      analysed: analysed.length,
      skipped: skipped.length,
      failed: failed.length,
    };
  }

  async analyseTexts(texts: string[]): Promise<{ version: string; results: PresentedAnalysis[] }> {
    const pipeline = await this.pipelines.current();
    return { version: pipeline.version, results: texts.map((t) => presentAnalysis(pipeline.analyse(t))) };
  }

  /** The version whose results analytics read (the taxonomy's current pipeline). */
  async currentVersion(): Promise<string> {
    return (await this.pipelines.current()).version;
  }

  /**
   * The analysis by the current pipeline, else the newest one there is. An item with none says why: skipped
   * (no text) or failed, with the reason; null while it waits for its first analysis.
   */
  async forFeedback(feedbackId: string): Promise<FeedbackAnalysis | null> {
    const item = await this.feedback.get(feedbackId);
    const pipeline = await this.pipelines.current();
    const row =
      (await this.repository.findAnalysis(feedbackId, pipeline.version)) ??
      (await this.repository.findLatestAnalysis(feedbackId));
    if (row)
      return {
        status: 'analysed',
        version: row.pipelineVersion,
        analysedAt: row.analysedAt.toISOString(),
        result: JSON.parse(row.result),
      };
    if (item.analysisStatus === 'skipped' || item.analysisStatus === 'failed')
      return {
        status: item.analysisStatus,
        reason: item.analysisError ?? (item.analysisStatus === 'skipped' ? 'no text to analyse' : 'unknown'),
        version: null,
        analysedAt: null,
        result: null,
      };
    return null;
  }
}
