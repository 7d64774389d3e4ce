import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler } from '../../../core/job-queue/job-handler.decorator';
import { JobName, JobPayloads } from '../../../core/job-queue/job-registry';
import { AlertDeliveryService } from '../alert-delivery.service';

@Injectable()
export class DeliverAlertJob {
  constructor(private readonly deliveries: AlertDeliveryService) {}

  @JobHandler(JobName.DeliverAlert)
  async handle(payload: JobPayloads[JobName.DeliverAlert], context: JobContext): Promise<void> {
    await this.deliveries.deliver(payload.deliveryId, context.attempt);
  }
}
