import { Injectable, Logger } from '@nestjs/common';
import { JobName, JOB_DEFINITIONS } from '../../../core/job-queue/job-registry';
import { JobQueueService } from '../../../core/job-queue/job-queue.service';
import { MailSendError } from '../../../core/mail/mail-message';
import { MailService } from '../../../core/mail/mail.service';
import { DigestDeliveryRepository } from '../digest-delivery.repository';
import { DigestService } from '../digest.service';
import { DigestSubscribersService } from '../digest-subscribers.service';
import { DeliveryTrigger, DigestDeliveryEntity } from '../entities/digest-delivery.entity';

/** A `sending` row this old belongs to a worker that died mid-send (a try times out long before). */
export const SENDING_LEASE_MS = 10 * 60_000;
const MAX_ATTEMPTS = JOB_DEFINITIONS[JobName.DigestSend].attempts;

export interface QueueResult {
  queued: number;
  alreadyClaimed: number;
}

/**
 * Exactly once per (subscriber, ISO week): a delivery row is claimed under a unique key before anything is
 * sent, one UPDATE hands it to one worker, and a row that is `sent` or `failed` is never sent again. The
 * stable Message-ID lets receivers drop a copy in the one case left (a worker dying between the SMTP
 * server's 250 and the row's update).
 */
@Injectable()
export class DigestDeliveryService {
  private readonly logger = new Logger('Digest');

  constructor(
    private readonly deliveries: DigestDeliveryRepository,
    private readonly subscribers: DigestSubscribersService,
    private readonly digests: DigestService,
    private readonly mail: MailService,
    private readonly queue: JobQueueService,
  ) {}

  /** Claims each (subscriber, week) and queues its send; weeks already claimed are left alone. */
  async queueDeliveries(
    targets: { subscriberId: string; week: string }[],
    trigger: DeliveryTrigger,
  ): Promise<QueueResult> {
    let queued = 0;
    const jobs: DigestDeliveryEntity[] = [];
    for (const target of targets) {
      const { created, delivery } = await this.deliveries.claim(target.subscriberId, target.week, trigger);
      if (created) queued++;
      if (created || this.needsJob(delivery)) jobs.push(delivery);
    }
    await this.enqueue(jobs);
    return { queued, alreadyClaimed: targets.length - queued };
  }

  /** Re-queues claimed rows whose job was lost (a flushed queue, a crash in embedded mode). */
  async requeueUnfinished(rows: DigestDeliveryEntity[]): Promise<void> {
    await this.enqueue(rows.filter((row) => this.needsJob(row)));
  }

  /** One send try. Throws (so the queue retries with backoff) only when a later try may succeed. */
  async send(deliveryId: string, attempt: number): Promise<void> {
    const now = new Date();
    if (!(await this.deliveries.take(deliveryId, now, new Date(now.getTime() - SENDING_LEASE_MS)))) return;
    const delivery = (await this.deliveries.findById(deliveryId))!;
    const subscriber = await this.subscribers.find(delivery.subscriberId);
    if (!subscriber) {
      await this.deliveries.finish(deliveryId, 'failed', {
        lastError: 'unsubscribed or erased before sending',
      });
      return;
    }
    try {
      const { email, unsubscribeUrl } = await this.digests.build(delivery.isoWeek, subscriber);
      const receipt = await this.mail.send({
        to: subscriber.email,
        subject: email.subject,
        html: email.html,
        text: email.text,
        messageId: `<digest-${delivery.id}@hearken>`,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
        inlineImages: email.charts.map((c) => ({
          cid: c.cid,
          filename: `${c.cid}.png`,
          content: c.png,
          contentType: 'image/png',
        })),
      });
      await this.deliveries.finish(deliveryId, 'sent', {
        sentAt: new Date(),
        messageId: receipt.messageId,
        lastError: null,
      });
    } catch (error) {
      const reason = redact(error instanceof Error ? error.message : String(error));
      const final = attempt >= MAX_ATTEMPTS || (error instanceof MailSendError && error.permanent);
      await this.deliveries.finish(deliveryId, final ? 'failed' : 'pending', { lastError: reason });
      this.logger.warn(
        `Digest ${deliveryId} try ${attempt}/${MAX_ATTEMPTS} ${final ? 'failed' : 'will be retried'}: ${reason}`,
      );
      if (!final) throw error;
    }
  }

  private needsJob(row: DigestDeliveryEntity): boolean {
    if (row.status === 'pending') return true;
    return row.status === 'sending' && (row.claimedAt?.getTime() ?? 0) < Date.now() - SENDING_LEASE_MS;
  }

  private async enqueue(rows: DigestDeliveryEntity[]): Promise<void> {
    if (!rows.length) return;
    // The job id is the row id: a row already waiting in the queue is not queued twice.
    await this.queue.enqueueMany(
      JobName.DigestSend,
      rows.map((row) => ({ payload: { deliveryId: row.id }, jobId: `digest-send-${row.id}` })),
    );
  }
}

/** SMTP answers often quote the address; the delivery log keeps no personal data. */
function redact(message: string): string {
  return message.replace(/[^\s@<>"']+@[^\s@<>"']+/g, '[EMAIL]').slice(0, 500);
}
