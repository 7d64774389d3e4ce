import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { JobName } from '../../core/job-queue/job-registry';
import { JobQueueService } from '../../core/job-queue/job-queue.service';

/** Hourly, a quarter past: late items and re-analysis of recent days are picked up within the hour. */
export const ANOMALY_CRON = '15 * * * *';

/** Puts the detection on the queue's schedule (one schedule however many processes run jobs). */
@Injectable()
export class AnomalyScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AnomalyScheduleService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly queue: JobQueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runsJobs) return;
    // The schedule lives in Redis: one that came back empty forgot it.
    this.queue.onDataLost(() => void this.schedule());
    await this.schedule();
  }

  private async schedule(): Promise<void> {
    try {
      await this.queue.repeat(JobName.DetectAnomalies, {}, ANOMALY_CRON, { jobId: 'anomalies-hourly' });
    } catch (error) {
      this.logger.warn(`Could not schedule anomaly detection: ${(error as Error).message}`);
    }
  }
}
