import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { DigestSubscriberEntity } from './entities/digest-subscriber.entity';

/** Every query of `digest_subscribers`. */
@Injectable()
export class DigestSubscriberRepository {
  private readonly subscribers: Repository<DigestSubscriberEntity>;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.subscribers = dataSource.getRepository(DigestSubscriberEntity);
  }

  /** False when the address hash is taken (the unique index decides, also under a race). */
  async insert(subscriber: DigestSubscriberEntity): Promise<boolean> {
    // A copy: on MariaDB insert() writes serialised JSON columns back into the object it is given.
    return this.subscribers.insert({ ...subscriber } as QueryDeepPartialEntity<DigestSubscriberEntity>).then(
      () => true,
      async (error: unknown) => {
        if (await this.findByEmailHash(subscriber.emailHash)) return false;
        throw error;
      },
    );
  }

  findById(id: string): Promise<DigestSubscriberEntity | null> {
    return this.subscribers.findOne({ where: { id } });
  }

  findByEmailHash(emailHash: string): Promise<DigestSubscriberEntity | null> {
    return this.subscribers.findOne({ where: { emailHash } });
  }

  list(): Promise<DigestSubscriberEntity[]> {
    return this.subscribers.find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async update(subscriber: DigestSubscriberEntity): Promise<void> {
    const { id, ...fields } = subscriber;
    await this.subscribers.update({ id }, fields as QueryDeepPartialEntity<DigestSubscriberEntity>);
  }

  /** Erases the row, and with it the only copy of the address. */
  async delete(id: string): Promise<boolean> {
    const result = await this.subscribers.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
