import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { insertRows, placeholders } from '../../database/insert-rows';
import { latestCommitted } from '../../database/latest-committed';
import { CustomerIdentityEntity } from './entities/customer-identity.entity';
import { CustomerEntity } from './entities/customer.entity';
import { ErasedIdentityEntity } from './entities/erased-identity.entity';

@Injectable()
export class CustomerRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string): Promise<CustomerEntity | null> {
    return this.dataSource.getRepository(CustomerEntity).findOne({ where: { id } });
  }

  /** Owners of identities that exist, as last committed (a locking read on MySQL: see latestCommitted). */
  async findLatestOwners(manager: EntityManager, hashes: string[]): Promise<Map<string, string>> {
    const owners = new Map<string, string>();
    if (!hashes.length) return owners;
    const rows: { hash: string; owner: string }[] = await manager.query(
      `SELECT hash, customer_id AS owner FROM customer_identities WHERE hash IN (${placeholders(hashes.length)})${latestCommitted(manager)}`,
      hashes,
    );
    for (const r of rows) owners.set(r.hash, r.owner);
    return owners;
  }

  /** Owners of known identities and which identities were erased, in one round trip. */
  async lookUp(
    manager: EntityManager,
    hashes: string[],
  ): Promise<{ owners: Map<string, string>; erased: Set<string> }> {
    const owners = new Map<string, string>();
    const erased = new Set<string>();
    if (!hashes.length) return { owners, erased };
    const list = placeholders(hashes.length);
    const rows: { hash: string; owner: string | null }[] = await manager.query(
      `SELECT hash, customer_id AS owner FROM customer_identities WHERE hash IN (${list})
       UNION ALL SELECT hash, NULL AS owner FROM erased_identities WHERE hash IN (${list})`,
      [...hashes, ...hashes],
    );
    for (const r of rows) {
      if (r.owner === null) erased.add(r.hash);
      else owners.set(r.hash, r.owner);
    }
    return { owners, erased };
  }

  async insertCustomers(manager: EntityManager, customers: CustomerEntity[]): Promise<void> {
    await insertRows(manager, CustomerEntity, customers);
  }

  /** Concurrent writers may claim the same identity: the first wins, the others are ignored. */
  /** Returns how many were written (undefined when the driver does not say). */
  insertIdentitiesIgnoringTaken(
    manager: EntityManager,
    identities: CustomerIdentityEntity[],
  ): Promise<number | undefined> {
    return insertRows(manager, CustomerIdentityEntity, identities, { ignoreDuplicates: true });
  }

  async deleteCustomers(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length) await manager.getRepository(CustomerEntity).delete({ id: In(ids) });
  }

  /** `alsoInTransaction` runs last, seeing the erasure (the rollups subtract the customer's items there). */
  async eraseCustomer(
    id: string,
    at: Date,
    alsoInTransaction: (manager: EntityManager) => Promise<void> = async () => {},
  ): Promise<void> {
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
      // Outcome events (modules/outcomes): the customer's own go; as the referred person they become unknown.
      await manager.query('DELETE FROM outcomes WHERE customer_id = ?', [id]);
      await manager.query('UPDATE outcomes SET related_customer_id = NULL WHERE related_customer_id = ?', [
        id,
      ]);
      await alsoInTransaction(manager);
    });
  }
}
