import { Inject, Injectable, Logger } from '@nestjs/common';
import { JOB_DEFINITIONS, JobName } from '../../core/job-queue/job-registry';
import { WebhookSecretCipher } from '../integrations/webhook-secret.cipher';
import { signDelivery } from './alert-signing';
import { AlertsRepository } from './alerts.repository';
import { ALERT_SECRET_CIPHER } from './alerts.service';

const TIMEOUT_MS = 10_000;

/** Sends one delivery: signs it, POSTs it, logs the try; throws on failure so the queue retries with backoff. */
@Injectable()
export class AlertDeliveryService {
  private readonly logger = new Logger(AlertDeliveryService.name);

  constructor(
    private readonly repository: AlertsRepository,
    @Inject(ALERT_SECRET_CIPHER) private readonly cipher: WebhookSecretCipher,
  ) {}

  async deliver(deliveryId: string, attempt: number): Promise<void> {
    const delivery = await this.repository.findDelivery(deliveryId);
    if (!delivery || delivery.status === 'delivered') return; // deleted with its subscription, or a re-run
    const subscription = await this.repository.findSubscription(delivery.subscriptionId);
    if (!subscription) return;
    const at = new Date();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const secret = this.cipher.decrypt(subscription.secretEncrypted, subscription.id);
      const response = await fetch(subscription.url, {
        method: 'POST',
        headers: signDelivery(secret, delivery.id, delivery.payload, at),
        body: delivery.payload,
        redirect: 'manual', // a redirect could lead the signed body anywhere: the URL is the one configured
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      statusCode = response.status;
      await response.body?.cancel();
      if (statusCode < 200 || statusCode > 299) error = `receiver answered ${statusCode}`;
    } catch (e) {
      error = (e as Error).message.slice(0, 480);
    }
    const lastTry = attempt >= JOB_DEFINITIONS[JobName.DeliverAlert].attempts;
    await this.repository.updateDelivery(delivery.id, {
      attempts: Math.max(delivery.attempts, attempt),
      lastStatusCode: statusCode,
      lastError: error,
      lastAttemptAt: at,
      ...(error
        ? { status: lastTry ? 'failed' : 'pending' }
        : { status: 'delivered', deliveredAt: new Date() }),
    });
    if (error) {
      if (lastTry) this.logger.warn(`Alert delivery ${delivery.id} failed for good: ${error}`);
      throw new Error(`Alert delivery ${delivery.id} try ${attempt}: ${error}`);
    }
  }
}
