import { Injectable } from '@nestjs/common';
import { JobHandler } from '../../../core/job-queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../../core/job-queue/job-registry';
import { DigestPrecomputeService } from '../precompute/digest-precompute.service';

@Injectable()
export class PrecomputeDigestJob {
  constructor(private readonly precompute: DigestPrecomputeService) {}

  @JobHandler(JobName.DigestPrecompute)
  async handle(payload: JobPayloads[JobName.DigestPrecompute]): Promise<void> {
    await this.precompute.precompute(payload);
  }
}
