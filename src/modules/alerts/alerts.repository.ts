import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { insertRows } from '../../database/insert-rows';
import { AlertDeliveryEntity } from './entities/alert-delivery.entity';
import { AlertSubscriptionEntity } from './entities/alert-subscription.entity';

@Injectable()
export class AlertsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertSubscription(s: AlertSubscriptionEntity): Promise<void> {
    await this.dataSource
      .getRepository(AlertSubscriptionEntity)
      .insert(s as QueryDeepPartialEntity<AlertSubscriptionEntity>);
  }

  findSubscription(id: string): Promise<AlertSubscriptionEntity | null> {
    return this.dataSource.getRepository(AlertSubscriptionEntity).findOne({ where: { id } });
  }

  listSubscriptions(): Promise<AlertSubscriptionEntity[]> {
    return this.dataSource
      .getRepository(AlertSubscriptionEntity)
      .find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  activeSubscriptions(manager: EntityManager): Promise<AlertSubscriptionEntity[]> {
    return manager.getRepository(AlertSubscriptionEntity).find({ where: { active: true } });
  }

  async saveSubscription(s: AlertSubscriptionEntity): Promise<void> {
    await this.dataSource.getRepository(AlertSubscriptionEntity).save(s);
  }

  async deleteSubscription(id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(AlertSubscriptionEntity).delete({ id });
    await this.dataSource.getRepository(AlertDeliveryEntity).delete({ subscriptionId: id });
    return (result.affected ?? 0) > 0;
  }

  async insertDeliveries(manager: EntityManager, rows: AlertDeliveryEntity[]): Promise<void> {
    await insertRows(manager, AlertDeliveryEntity, rows);
  }

  findDelivery(id: string): Promise<AlertDeliveryEntity | null> {
    return this.dataSource.getRepository(AlertDeliveryEntity).findOne({ where: { id } });
  }

  async updateDelivery(id: string, changes: QueryDeepPartialEntity<AlertDeliveryEntity>): Promise<void> {
    await this.dataSource.getRepository(AlertDeliveryEntity).update({ id }, changes);
  }

  listDeliveries(subscriptionId: string, limit: number): Promise<AlertDeliveryEntity[]> {
    return this.dataSource.getRepository(AlertDeliveryEntity).find({
      where: { subscriptionId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
  }
}
