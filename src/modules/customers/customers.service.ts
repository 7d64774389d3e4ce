import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { uuidV7 } from '../../core/ids/uuid-v7';
import { EntityManager } from 'typeorm';
import type { CustomerRefInput } from '../feedback/dto/feedback-input.type';
import { RollupsService } from '../rollups/rollups.service';
import { CustomerRepository } from './customer.repository';
import { CustomerNotFoundException } from './customers.exception';
import { CustomerIdentityEntity } from './entities/customer-identity.entity';
import { CustomerEntity } from './entities/customer.entity';
import { IDENTITY_SECRET } from './identity-secret.provider';
import { IdentityKey, identityKeys } from './identity/identity-keys';

export interface CustomerClaim {
  source: string;
  customer?: CustomerRefInput;
}

/** What resolving a batch of claims gave: a customer id per claim, or that the person was erased. */
export type ResolvedCustomer =
  { customerId: string | null; erased: false } | { customerId: null; erased: true };

@Injectable()
export class CustomersService {
  private readonly logger = new Logger(CustomersService.name);

  constructor(
    private readonly repository: CustomerRepository,
    @Inject(IDENTITY_SECRET) private readonly secret: string,
    private readonly config: AppConfig,
    private readonly rollups: RollupsService,
  ) {}

  keysOf(claim: CustomerClaim): IdentityKey[] {
    return claim.customer
      ? identityKeys(claim.customer, claim.source, this.secret, {
          defaultCountry: this.config.defaultPhoneCountry,
        })
      : [];
  }

  /**
   * Finds or creates one customer per claim inside the caller's transaction, so the same person writing by
   * email, chat and survey is one customer. Claims in one batch that share an identity share a customer.
   */
  async resolve(manager: EntityManager, claims: CustomerClaim[]): Promise<ResolvedCustomer[]> {
    const keysPerClaim = claims.map((c) => this.keysOf(c));
    const allHashes = [...new Set(keysPerClaim.flat().map((k) => k.hash))];
    const { owners: known, erased } = await this.repository.lookUp(manager, allHashes);
    const now = new Date();
    const created = new Map<string, CustomerEntity>();
    const results: ResolvedCustomer[] = [];
    const wanted: CustomerIdentityEntity[] = [];
    for (const [i, keys] of keysPerClaim.entries()) {
      if (!keys.length) {
        results.push({ customerId: null, erased: false });
        continue;
      }
      if (keys.some((k) => erased.has(k.hash))) {
        results.push({ customerId: null, erased: true });
        continue;
      }
      let customerId = keys.map((k) => known.get(k.hash)).find(Boolean);
      if (!customerId) {
        customerId = uuidV7();
        const ref = claims[i].customer;
        created.set(
          customerId,
          Object.assign(new CustomerEntity(), {
            id: customerId,
            segment: ref?.segment ?? null,
            attributes: ref?.attributes ?? null,
            createdAt: now,
            updatedAt: now,
            erasedAt: null,
          }),
        );
      }
      for (const k of keys) {
        if (!known.has(k.hash)) {
          known.set(k.hash, customerId);
          wanted.push(
            Object.assign(new CustomerIdentityEntity(), {
              hash: k.hash,
              kind: k.kind,
              customerId,
              createdAt: now,
            }),
          );
        }
      }
      results.push({ customerId, erased: false });
    }
    if (!created.size && !wanted.length) return results;
    await this.repository.insertCustomers(manager, [...created.values()]);
    const written = await this.repository.insertIdentitiesIgnoringTaken(manager, wanted);
    // Every identity we wanted was ours to take: no other request got there first, nothing to settle.
    if (written === wanted.length) return results;
    return this.settleRaces(
      manager,
      wanted.map((w) => w.hash),
      keysPerClaim,
      results,
      created,
    );
  }

  /** Another request may have claimed an identity first: follow its customer and drop ours. */
  private async settleRaces(
    manager: EntityManager,
    wantedHashes: string[],
    keysPerClaim: IdentityKey[][],
    results: ResolvedCustomer[],
    created: Map<string, CustomerEntity>,
  ): Promise<ResolvedCustomer[]> {
    // Every identity we wanted exists now, ours or the winner's; a customer we created owns only those.
    const owners = await this.repository.findLatestOwners(manager, wantedHashes);
    const replaced = new Map<string, string>();
    for (const [i, keys] of keysPerClaim.entries()) {
      const current = results[i].customerId;
      if (!current) continue;
      const owner = keys.map((k) => owners.get(k.hash)).find(Boolean);
      if (owner && owner !== current && created.has(current)) replaced.set(current, owner);
    }
    if (!replaced.size) return results;
    const stillUsed = new Set(owners.values());
    await this.repository.deleteCustomers(
      manager,
      [...replaced.keys()].filter((id) => !stillUsed.has(id)),
    );
    this.logger.debug(`Settled ${replaced.size} concurrent customer creation(s)`);
    return results.map((r) =>
      r.customerId && replaced.has(r.customerId)
        ? { customerId: replaced.get(r.customerId)!, erased: false }
        : r,
    );
  }

  async get(id: string): Promise<CustomerEntity> {
    const customer = await this.repository.findById(id);
    if (!customer) throw new CustomerNotFoundException(id);
    return customer;
  }

  async erase(id: string): Promise<void> {
    await this.get(id);
    await this.repository.eraseCustomer(id, new Date(), (manager) =>
      this.rollups.refreshCustomer(manager, id),
    );
    this.logger.log(`Customer ${id} erased`);
  }
}
