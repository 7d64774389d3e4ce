import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { JobName } from '../../core/job-queue/job-registry';
import { JobQueueService } from '../../core/job-queue/job-queue.service';
import { ANALYSIS_BATCH_SIZE } from '../feedback/feedback-ingestion.service';
import { FeedbackFilter } from '../feedback/feedback.repository';
import { FeedbackService } from '../feedback/feedback.service';
import { AnalysisPipelineService } from './analysis-pipeline.service';
import { ReprocessNotFoundException } from './analysis.exception';
import { AnalysisRepository } from './analysis.repository';
import { ReprocessRunEntity } from './entities/reprocess-run.entity';

const PAGE = 2_000;

/** Re-analysis of stored feedback with the current pipeline, as background jobs with progress. */
@Injectable()
export class ReprocessService {
  constructor(
    private readonly repository: AnalysisRepository,
    private readonly feedback: FeedbackService,
    private readonly pipelines: AnalysisPipelineService,
    private readonly queue: JobQueueService,
  ) {}

  async start(filter: Record<string, string>): Promise<ReprocessRunEntity> {
    const pipeline = await this.pipelines.current();
    const total = await this.count(toFilter(filter));
    const run = Object.assign(new ReprocessRunEntity(), {
      id: randomUUID(),
      pipelineVersion: pipeline.version,
      filter: Object.keys(filter).length ? filter : null,
      total,
      processed: 0,
      failed: 0,
      status: total === 0 ? 'completed' : 'queued',
      createdAt: new Date(),
      finishedAt: total === 0 ? new Date() : null,
    });
    await this.repository.insertRun(run);
    if (total > 0)
      await this.queue.enqueue(
        JobName.PlanReprocess,
        { reprocessId: run.id },
        { jobId: `plan:${run.id}:start` },
      );
    return run;
  }

  async get(id: string): Promise<ReprocessRunEntity> {
    const run = await this.repository.findRun(id);
    if (!run) throw new ReprocessNotFoundException(id);
    return run;
  }

  /** One page: enqueue its analysis batches, then the next page. */
  async planPage(reprocessId: string, afterId?: string): Promise<void> {
    const run = await this.get(reprocessId);
    const ids = await this.feedback.findIds(toFilter(run.filter ?? {}), PAGE, afterId);
    if (!ids.length) return;
    const jobs = [];
    for (let i = 0; i < ids.length; i += ANALYSIS_BATCH_SIZE) {
      const batch = ids.slice(i, i + ANALYSIS_BATCH_SIZE);
      jobs.push({
        payload: { feedbackIds: batch, reprocessId },
        jobId: `reprocess:${reprocessId}:${batch[0]}`,
      });
    }
    await this.queue.enqueueMany(JobName.AnalyseFeedback, jobs);
    const last = ids[ids.length - 1];
    if (ids.length === PAGE) {
      await this.queue.enqueue(
        JobName.PlanReprocess,
        { reprocessId, afterId: last },
        { jobId: `plan:${reprocessId}:${last}` },
      );
    }
  }

  recordProgress(reprocessId: string, processed: number, failed: number): Promise<void> {
    return this.repository.addRunProgress(reprocessId, processed, failed);
  }

  private async count(filter: FeedbackFilter): Promise<number> {
    let total = 0;
    let after: string | undefined;
    for (;;) {
      const ids = await this.feedback.findIds(filter, 10_000, after);
      total += ids.length;
      if (ids.length < 10_000) return total;
      after = ids[ids.length - 1];
    }
  }
}

function toFilter(f: Record<string, string>): FeedbackFilter {
  return {
    kind: f.kind,
    source: f.source,
    channel: f.channel,
    touchpoint: f.touchpoint,
    from: f.from ? new Date(f.from) : undefined,
    to: f.to ? new Date(f.to) : undefined,
  };
}
