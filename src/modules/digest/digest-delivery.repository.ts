import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, In, Repository } from 'typeorm';
import { uuidV7 } from '../../core/ids/uuid-v7';
import { DeliveryStatus, DeliveryTrigger, DigestDeliveryEntity } from './entities/digest-delivery.entity';

/** Every query of `digest_deliveries`. */
@Injectable()
export class DigestDeliveryRepository {
  private readonly deliveries: Repository<DigestDeliveryEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.deliveries = dataSource.getRepository(DigestDeliveryEntity);
  }

  /**
   * Claims (subscriber, week): the unique key lets exactly one insert win, on either database and across
   * processes. Returns the row, and whether this call created it.
   */
  async claim(
    subscriberId: string,
    isoWeek: string,
    triggeredBy: DeliveryTrigger,
  ): Promise<{ created: boolean; delivery: DigestDeliveryEntity }> {
    const row: DigestDeliveryEntity = {
      id: uuidV7(),
      subscriberId,
      isoWeek,
      status: 'pending',
      triggeredBy,
      attempts: 0,
      lastError: null,
      claimedAt: null,
      sentAt: null,
      messageId: null,
      createdAt: new Date(),
    };
    const created = await this.deliveries.insert({ ...row }).then(
      () => true,
      () => false,
    );
    if (created) return { created, delivery: row };
    const existing = await this.deliveries.findOne({ where: { subscriberId, isoWeek } });
    if (!existing) throw new Error(`Could not claim the digest of ${isoWeek} for ${subscriberId}`);
    return { created: false, delivery: existing };
  }

  findById(id: string): Promise<DigestDeliveryEntity | null> {
    return this.deliveries.findOne({ where: { id } });
  }

  /** Rows already claimed for these weeks (the due check skips them). */
  findForWeeks(isoWeeks: string[]): Promise<DigestDeliveryEntity[]> {
    return isoWeeks.length ? this.deliveries.find({ where: { isoWeek: In(isoWeeks) } }) : Promise.resolve([]);
  }

  /**
   * Takes the row for one send try: only a `pending` row, or a `sending` row whose worker died (claimed
   * before `staleBefore`). One UPDATE decides, so two workers never both send.
   */
  async take(id: string, now: Date, staleBefore: Date): Promise<boolean> {
    const result = await this.deliveries
      .createQueryBuilder()
      .update()
      .set({ status: 'sending', claimedAt: now, attempts: () => 'attempts + 1' })
      .where('id = :id', { id })
      .andWhere("(status = 'pending' OR (status = 'sending' AND claimed_at < :staleBefore))", { staleBefore })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async finish(
    id: string,
    status: Exclude<DeliveryStatus, 'sending'>,
    fields: { lastError?: string | null; sentAt?: Date; messageId?: string },
  ): Promise<void> {
    await this.deliveries.update({ id, status: 'sending' }, { status, ...fields });
  }

  list(filter: { isoWeek?: string; subscriberId?: string; status?: DeliveryStatus }, limit: number) {
    const where: FindOptionsWhere<DigestDeliveryEntity> = {};
    if (filter.isoWeek) where.isoWeek = filter.isoWeek;
    if (filter.subscriberId) where.subscriberId = filter.subscriberId;
    if (filter.status) where.status = filter.status;
    return this.deliveries.find({ where, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }
}
