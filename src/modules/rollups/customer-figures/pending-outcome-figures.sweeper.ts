import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { FOLD_BATCH_SIZE, JobName } from '../../../core/job-queue/job-registry';
import { JobQueueService } from '../../../core/job-queue/job-queue.service';
import { RequeueSweeper } from '../../../core/job-queue/requeue-sweeper';
import { CustomerFiguresService } from './customer-figures.service';

/** Queues the fold of outcome events whose job was lost, so every accepted event ends up counted. Runs where jobs run. */
@Injectable()
export class PendingOutcomeFiguresSweeper extends RequeueSweeper<JobName.FoldOutcomeFigures> {
  constructor(config: AppConfig, queue: JobQueueService, figures: CustomerFiguresService) {
    super(config, queue, {
      job: JobName.FoldOutcomeFigures,
      staleAfterMs: 5 * 60_000,
      limit: 50_000,
      afterDataLossLimit: 200_000,
      batchSize: FOLD_BATCH_SIZE,
      payload: (outcomeIds) => ({ outcomeIds }),
      findStale: (before, limit) => figures.stalePendingOutcomes(before, limit),
      describe: (n) => `the fold of ${n} outcome event(s)`,
    });
  }
}
