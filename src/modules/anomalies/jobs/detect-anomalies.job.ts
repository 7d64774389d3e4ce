import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../../core/job-queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../../core/job-queue/job-registry';
import { AnomaliesService } from '../anomalies.service';

@Injectable()
export class DetectAnomaliesJob {
  constructor(private readonly anomalies: AnomaliesService) {}

  /** Idempotent: an anomaly already recorded for its series and day is neither recorded nor pushed again. */
  @JobHandler(JobName.DetectAnomalies)
  async handle(payload: JobPayloads[JobName.DetectAnomalies]): Promise<void> {
    await this.anomalies.detect(payload.days ?? this.anomalies.defaultDays());
  }
}
