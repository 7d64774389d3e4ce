import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler } from '../../../core/job-queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../../core/job-queue/job-registry';
import { retryOnDeadlock } from '../../../database/database-errors';
import { CustomerFiguresService } from './customer-figures.service';

/** Counts newly stored outcome events in the customer-level figures, in one transaction per job. */
@Injectable()
export class FoldOutcomeFiguresJob {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly figures: CustomerFiguresService,
  ) {}

  @JobHandler(JobName.FoldOutcomeFigures)
  async handle(payload: JobPayloads[JobName.FoldOutcomeFigures]): Promise<void> {
    // Analyses of the same customers lock the same states: a deadlock rolls the fold back whole, so run it again.
    await retryOnDeadlock(() =>
      this.dataSource.transaction((manager) => this.figures.foldOutcomes(manager, payload.outcomeIds)),
    );
  }
}
