import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { uuidV7 } from '../../core/ids/uuid-v7';
import { JobName } from '../../core/job-queue/job-registry';
import { OutboxMessageEntity } from '../../core/outbox/outbox-message.entity';
import { OutboxService } from '../../core/outbox/outbox.service';
import { generateWebhookSecret, WebhookSecretCipher } from '../integrations/webhook-secret.cipher';
import { AlertsRepository } from './alerts.repository';
import { AlertSubscriptionNotFoundException } from './alerts.exception';
import {
  AlertDeliveryDto,
  AlertSubscriptionDto,
  CreateAlertSubscriptionDto,
  CreatedAlertSubscriptionDto,
  UpdateAlertSubscriptionDto,
} from './dto/alert-subscription.dto';
import { toDeliveryDto, toSubscriptionDto } from './alerts.mapper';
import { AlertDeliveryEntity } from './entities/alert-delivery.entity';
import { AlertSubscriptionEntity } from './entities/alert-subscription.entity';

export const ALERT_SECRET_CIPHER = Symbol('ALERT_SECRET_CIPHER');

/** An event worth telling subscribers about: its kind picks the subscriptions, `data` is what they get. */
export interface AlertEvent {
  kind: string;
  anomalyId: string;
  data: Record<string, unknown>;
}

/** Alert subscriptions (admin) and the deliveries they are owed. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly repository: AlertsRepository,
    private readonly outbox: OutboxService,
    @Inject(ALERT_SECRET_CIPHER) private readonly cipher: WebhookSecretCipher,
  ) {}

  async create(dto: CreateAlertSubscriptionDto): Promise<CreatedAlertSubscriptionDto> {
    const id = uuidV7();
    const secret = generateWebhookSecret();
    const now = new Date();
    const entity = Object.assign(new AlertSubscriptionEntity(), {
      id,
      name: dto.name,
      url: dto.url,
      kinds: dto.kinds,
      active: true,
      secretEncrypted: this.cipher.encrypt(secret, id),
      createdAt: now,
      updatedAt: now,
    });
    await this.repository.insertSubscription(entity);
    return { ...toSubscriptionDto(entity), secret };
  }

  async list(): Promise<AlertSubscriptionDto[]> {
    return (await this.repository.listSubscriptions()).map(toSubscriptionDto);
  }

  async get(id: string): Promise<AlertSubscriptionDto> {
    return toSubscriptionDto(await this.find(id));
  }

  async update(id: string, dto: UpdateAlertSubscriptionDto): Promise<AlertSubscriptionDto> {
    const entity = await this.find(id);
    Object.assign(entity, dto, { updatedAt: new Date() });
    await this.repository.saveSubscription(entity);
    return toSubscriptionDto(entity);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.repository.deleteSubscription(id))) throw new AlertSubscriptionNotFoundException(id);
  }

  /** A signed `alert.test` delivery through the same path (queue, retries, log) as real alerts. */
  async sendTest(id: string): Promise<AlertDeliveryDto> {
    const subscription = await this.find(id);
    const delivery = newDelivery(subscription.id, 'alert.test', null, {
      message: 'Test delivery from Hearken: signatures verify with your subscription secret.',
    });
    const messages = await this.repository.transaction(async (manager) => {
      await this.repository.insertDeliveries(manager, [delivery]);
      return [await this.outbox.add(manager, JobName.DeliverAlert, { deliveryId: delivery.id })];
    });
    this.outbox.sendSoon(messages);
    return toDeliveryDto(delivery);
  }

  async deliveries(id: string, limit: number): Promise<AlertDeliveryDto[]> {
    await this.find(id);
    return (await this.repository.listDeliveries(id, limit)).map(toDeliveryDto);
  }

  /**
   * Inside the caller's transaction: a delivery per matching active subscription and its job in the outbox,
   * so the events and what is owed for them commit together. Send the returned messages after commit.
   */
  async enqueue(manager: EntityManager, events: AlertEvent[]): Promise<OutboxMessageEntity[]> {
    if (!events.length) return [];
    const subscriptions = await this.repository.activeSubscriptions(manager);
    const deliveries = events.flatMap((event) =>
      subscriptions
        .filter((s) => s.kinds.includes(event.kind))
        .map((s) => newDelivery(s.id, 'anomaly.detected', event.anomalyId, event.data)),
    );
    if (!deliveries.length) return [];
    await this.repository.insertDeliveries(manager, deliveries);
    const messages: OutboxMessageEntity[] = [];
    for (const d of deliveries)
      messages.push(await this.outbox.add(manager, JobName.DeliverAlert, { deliveryId: d.id }));
    return messages;
  }

  sendAfterCommit(messages: OutboxMessageEntity[]): void {
    this.outbox.sendSoon(messages);
  }

  private async find(id: string): Promise<AlertSubscriptionEntity> {
    const entity = await this.repository.findSubscription(id);
    if (!entity) throw new AlertSubscriptionNotFoundException(id);
    return entity;
  }
}

function newDelivery(
  subscriptionId: string,
  eventType: string,
  anomalyId: string | null,
  data: Record<string, unknown>,
): AlertDeliveryEntity {
  const createdAt = new Date();
  return Object.assign(new AlertDeliveryEntity(), {
    id: `msg_${uuidV7()}`,
    subscriptionId,
    eventType,
    anomalyId,
    // Standard Webhooks' recommended envelope.
    payload: JSON.stringify({ type: eventType, timestamp: createdAt.toISOString(), data }),
    status: 'pending',
    attempts: 0,
    lastStatusCode: null,
    lastError: null,
    createdAt,
    lastAttemptAt: null,
    deliveredAt: null,
  });
}
