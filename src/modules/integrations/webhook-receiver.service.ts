import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { RateLimitedException, RateLimiter } from '../../core/rate-limit/rate-limiter';
import { RateLimitService } from '../../core/rate-limit/rate-limit.service';
import { MAX_BATCH_ITEMS } from '../feedback/dto/batch-feedback.dto';
import { FeedbackIngestionService, IngestOutcome } from '../feedback/feedback-ingestion.service';
import { OutcomeIngestionService } from '../outcomes/outcome-ingestion.service';
import { OUTCOME_KIND } from './integration-kinds';
import { IntegrationRepository } from './integration.repository';
import {
  IntegrationNotFoundException,
  WebhookInProgressException,
  WebhookPayloadRejectedException,
} from './integrations.exception';
import { IntegrationsService } from './integrations.service';
import { verifyWebhookSignature } from './verify-webhook-signature';
import { webhookItems } from './webhook-items';

/** Senders retry for days with the same webhook-id; remember ids a week. */
export const DELIVERY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
/** A claim still unanswered after this is from a process that died mid-delivery. */
const STALE_CLAIM_MS = 60_000;
/** How long a repeat waits for the first delivery of its webhook-id before answering 409 (retry later). */
const IN_PROGRESS_WAIT_MS = 5_000;

export interface WebhookDelivery {
  integrationId: string;
  rawBody: string;
  payload: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface WebhookAnswer {
  statusCode: number;
  body: WebhookResultBody;
  replayed: boolean;
}

export interface WebhookResultBody {
  webhookId: string;
  created: number;
  duplicate: number;
  rejected: number;
  results: IngestOutcome[];
}

/**
 * A signed delivery → verified → de-duplicated by webhook-id → mapped → validated as a whole → ingested.
 * The first answer to a webhook-id is stored and replayed to retries; a rejected delivery stores nothing.
 */
@Injectable()
export class WebhookReceiverService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookReceiverService.name);
  private timer?: NodeJS.Timeout;
  /** Per integration, the same rate as per API key: a runaway sender gets 429 with Retry-After. */
  private readonly limiter: RateLimiter;

  constructor(
    private readonly integrations: IntegrationsService,
    private readonly repository: IntegrationRepository,
    private readonly ingestion: FeedbackIngestionService,
    private readonly outcomes: OutcomeIngestionService,
    config: AppConfig,
    rateLimits: RateLimitService,
  ) {
    this.limiter = rateLimits.create('webhook', config.rateLimitPerMinute);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purgeOldDeliveries(), 60 * 60 * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async receive(delivery: WebhookDelivery): Promise<WebhookAnswer> {
    const integration = await this.repository.findById(delivery.integrationId);
    if (!integration || integration.disabledAt)
      throw new IntegrationNotFoundException(delivery.integrationId);
    const secrets = this.integrations.signingSecrets(integration);
    const webhookId = verifyWebhookSignature(delivery.rawBody, delivery.headers, secrets);

    const previous = await this.claimOrAwait(integration.id, webhookId);
    if (previous) return previous;

    // Counted only for new, signed deliveries: unsigned floods must not use up a genuine integration's
    // allowance, and a retried delivery still gets its first answer.
    const retryAfter = await this.limiter.hit(integration.id);
    if (retryAfter > 0) {
      await this.repository.releaseDelivery(integration.id, webhookId);
      throw new RateLimitedException(retryAfter);
    }

    let answer: { statusCode: number; body: WebhookResultBody };
    try {
      const mapped = webhookItems(integration, delivery.payload, MAX_BATCH_ITEMS);
      if (!mapped.ok) throw new WebhookPayloadRejectedException(mapped.problems);
      const results =
        integration.kind === OUTCOME_KIND
          ? await this.outcomes.ingest(mapped.items, { defaultSource: integration.source })
          : await this.ingestion.ingest(mapped.items, {
              defaultSource: integration.source,
              defaultKind: integration.kind ?? undefined,
            });
      answer = { statusCode: 202, body: summarise(webhookId, results) };
    } catch (error) {
      // Not an answer worth replaying: free the id so a corrected retry is processed.
      await this.repository.releaseDelivery(integration.id, webhookId);
      throw error;
    }
    await this.repository.completeDelivery(integration.id, webhookId, answer.statusCode, answer.body);
    return { ...answer, replayed: false };
  }

  /**
   * Claims the webhook-id for this delivery, or returns the first answer to it. A retry that arrives while the
   * first delivery is still running (an eager sender, a load balancer's retry) waits for that answer, so
   * every repeat is answered 2xx like the first; only a first delivery still running after the wait is a 409.
   */
  private async claimOrAwait(integrationId: string, webhookId: string): Promise<WebhookAnswer | undefined> {
    const deadline = Date.now() + IN_PROGRESS_WAIT_MS;
    for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
      const now = new Date();
      const claim = await this.repository.claimDelivery(integrationId, webhookId, now);
      if (claim.claimed) return undefined;
      const existing = claim.existing;
      if (existing?.statusCode != null) {
        return {
          statusCode: existing.statusCode,
          body: JSON.parse(existing.responseBody ?? 'null'),
          replayed: true,
        };
      }
      const stale = new Date(now.getTime() - STALE_CLAIM_MS);
      if (existing && (await this.repository.reclaimStaleDelivery(integrationId, webhookId, stale, now)))
        return undefined;
      if (Date.now() + pause > deadline) throw new WebhookInProgressException();
      // No row: the first delivery failed and freed the id, so claim again at once.
      if (existing) await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  async purgeOldDeliveries(): Promise<void> {
    try {
      await this.repository.purgeDeliveriesBefore(new Date(Date.now() - DELIVERY_RETENTION_MS));
    } catch (error) {
      this.logger.warn(`Could not purge old webhook deliveries: ${(error as Error).message}`);
    }
  }
}

function summarise(webhookId: string, results: IngestOutcome[]): WebhookResultBody {
  const count = (status: IngestOutcome['status']) => results.filter((r) => r.status === status).length;
  return {
    webhookId,
    created: count('created'),
    duplicate: count('duplicate'),
    rejected: count('rejected'),
    results,
  };
}
