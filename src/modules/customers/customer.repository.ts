import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CustomerIdentityEntity } from './entities/customer-identity.entity';
import { CustomerEntity } from './entities/customer.entity';
import { ErasedIdentityEntity } from './entities/erased-identity.entity';

@Injectable()
export class CustomerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<CustomerEntity | null> {
    return this.dataSource.getRepository(CustomerEntity).findOne({ where: { id } });
  }

  async findCustomerIdsByHashes(manager: EntityManager, hashes: string[]): Promise<Map<string, string>> {
    if (!hashes.length) return new Map();
    const rows = await manager.getRepository(CustomerIdentityEntity).find({ where: { hash: In(hashes) } });
    return new Map(rows.map((r) => [r.hash, r.customerId]));
  }

  async findErased(manager: EntityManager, hashes: string[]): Promise<Set<string>> {
    if (!hashes.length) return new Set();
    const rows = await manager
      .getRepository(ErasedIdentityEntity)
      .find({ where: { hash: In(hashes) }, select: { hash: true } });
    return new Set(rows.map((r) => r.hash));
  }

  async insertCustomers(manager: EntityManager, customers: CustomerEntity[]): Promise<void> {
    if (customers.length)
      await manager
        .createQueryBuilder()
        .insert()
        .into(CustomerEntity)
        .values(customers as QueryDeepPartialEntity<CustomerEntity>[])
        .execute();
  }

  /** Concurrent writers may claim the same identity: the first wins, the others are ignored. */
  async insertIdentitiesIgnoringTaken(
    manager: EntityManager,
    identities: CustomerIdentityEntity[],
  ): Promise<void> {
    if (identities.length) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(CustomerIdentityEntity)
        .values(identities)
        .orIgnore()
        .execute();
    }
  }

  async deleteCustomers(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await manager.getRepository(CustomerEntity).delete({ id: In(ids) });
  }

  async eraseCustomer(id: string, at: Date): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const identities = await manager
        .getRepository(CustomerIdentityEntity)
        .find({ where: { customerId: id } });
      if (identities.length) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(ErasedIdentityEntity)
          .values(identities.map((i) => ({ hash: i.hash, erasedAt: at })))
          .orIgnore()
          .execute();
        await manager.getRepository(CustomerIdentityEntity).delete({ customerId: id });
      }
      await manager
        .getRepository(CustomerEntity)
        .update({ id }, { segment: null, attributes: null, erasedAt: at, updatedAt: at });
      await manager
        .createQueryBuilder()
        .update('feedback')
        .set({ text: null, details: null, redactedKinds: null })
        .where('customer_id = :id', { id })
        .execute();
    });
  }
}
