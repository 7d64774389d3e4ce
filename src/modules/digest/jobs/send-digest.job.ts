import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '../../../core/job-queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../../core/job-queue/job-registry';
import { DigestDeliveryService } from '../delivery/digest-delivery.service';

@Injectable()
export class SendDigestJob {
  constructor(private readonly delivery: DigestDeliveryService) {}

  @JobHandler(JobName.DigestSend)
  async handle(payload: JobPayloads[JobName.DigestSend], context: JobContext): Promise<void> {
    await this.delivery.send(payload.deliveryId, context.attempt);
  }
}
