import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { isUniqueViolation } from '../../database/database-errors';
import { IntegrationEntity } from './entities/integration.entity';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';

export type DeliveryClaim = { claimed: true } | { claimed: false; existing: WebhookDeliveryEntity | null };

/** Every query of `integrations` and `webhook_deliveries`. */
@Injectable()
export class IntegrationRepository {
  private readonly integrations: Repository<IntegrationEntity>;
  private readonly deliveries: Repository<WebhookDeliveryEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.integrations = dataSource.getRepository(IntegrationEntity);
    this.deliveries = dataSource.getRepository(WebhookDeliveryEntity);
  }

  insert(integration: IntegrationEntity): Promise<unknown> {
    // A copy: on MariaDB insert() writes the serialised JSON columns back into the object it is given.
    // (The cast: the mapping's union type is more than QueryDeepPartialEntity can follow.)
    return this.integrations.insert({ ...integration } as QueryDeepPartialEntity<IntegrationEntity>);
  }

  findById(id: string): Promise<IntegrationEntity | null> {
    return this.integrations.findOne({ where: { id } });
  }

  list(): Promise<IntegrationEntity[]> {
    return this.integrations.find({ order: { createdAt: 'DESC', id: 'DESC' } });
  }

  save(integration: IntegrationEntity): Promise<IntegrationEntity> {
    return this.integrations.save(integration);
  }

  /**
   * Inserts the (integration, webhook-id) row; the primary key makes a second claim fail on either database.
   * Only a unique violation means "claimed before": any other failure (the database down) is thrown (503).
   */
  async claimDelivery(integrationId: string, webhookId: string, now: Date): Promise<DeliveryClaim> {
    const inserted = await this.deliveries
      .insert({ integrationId, webhookId, statusCode: null, responseBody: null, receivedAt: now })
      .then(
        () => true,
        (error: unknown) => {
          if (isUniqueViolation(error)) return false;
          throw error;
        },
      );
    if (inserted) return { claimed: true };
    return {
      claimed: false,
      existing: await this.deliveries.findOne({ where: { integrationId, webhookId } }),
    };
  }

  /** Takes over a claim whose first delivery died mid-way (still unanswered after `staleBefore`). */
  async reclaimStaleDelivery(
    integrationId: string,
    webhookId: string,
    staleBefore: Date,
    now: Date,
  ): Promise<boolean> {
    const result = await this.deliveries.update(
      { integrationId, webhookId, statusCode: IsNull(), receivedAt: LessThan(staleBefore) },
      { receivedAt: now },
    );
    return (result.affected ?? 0) > 0;
  }

  async completeDelivery(
    integrationId: string,
    webhookId: string,
    statusCode: number,
    body: unknown,
  ): Promise<void> {
    await this.deliveries.update(
      { integrationId, webhookId },
      { statusCode, responseBody: JSON.stringify(body) },
    );
  }

  async releaseDelivery(integrationId: string, webhookId: string): Promise<void> {
    await this.deliveries.delete({ integrationId, webhookId });
  }

  async purgeDeliveriesBefore(cutoff: Date): Promise<void> {
    await this.deliveries.delete({ receivedAt: LessThan(cutoff) });
  }
}
