import { Inject, Injectable } from '@nestjs/common';
import { uuidV7 } from '../../core/ids/uuid-v7';
import { DigestSlice, SLICE_FIELDS } from './content/digest-content.types';
import { CreateDigestSubscriberDto } from './dto/create-digest-subscriber.dto';
import { DigestSliceDto } from './dto/digest-slice.dto';
import { UpdateDigestSubscriberDto } from './dto/update-digest-subscriber.dto';
import { DigestSubscriberEntity } from './entities/digest-subscriber.entity';
import { DigestSubscriberExistsException, DigestSubscriberNotFoundException } from './digest.exception';
import { DigestSubscriberRepository } from './digest-subscriber.repository';
import { SubscriberEmailCipher } from './subscriber-email.cipher';

export const SUBSCRIBER_EMAIL_CIPHER = Symbol('SUBSCRIBER_EMAIL_CIPHER');

export interface Subscriber {
  entity: DigestSubscriberEntity;
  email: string;
  name: string;
}

/** Who reads the digest. Addresses are decrypted only to answer an admin or to send. */
@Injectable()
export class DigestSubscribersService {
  constructor(
    private readonly repository: DigestSubscriberRepository,
    @Inject(SUBSCRIBER_EMAIL_CIPHER) private readonly cipher: SubscriberEmailCipher,
  ) {}

  async create(dto: CreateDigestSubscriberDto): Promise<Subscriber> {
    const now = new Date();
    const id = uuidV7();
    const email = dto.email.trim();
    const entity: DigestSubscriberEntity = {
      id,
      emailEncrypted: this.cipher.encrypt(email, id),
      emailHash: this.cipher.hash(email),
      nameEncrypted: this.cipher.encrypt(dto.name, id, 'name'),
      timeZone: dto.timeZone ?? 'UTC',
      sendDay: dto.sendDay ?? 1,
      sendHour: dto.sendHour ?? 8,
      locale: dto.locale ?? 'en-GB',
      slice: toSlice(dto.slice),
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.repository.insert(entity))) throw await this.exists(entity.emailHash);
    return { entity, email, name: dto.name };
  }

  /** Rows without decrypting anything (the scheduler needs only zones and send times). */
  listEntities(): Promise<DigestSubscriberEntity[]> {
    return this.repository.list();
  }

  async list(): Promise<Subscriber[]> {
    return (await this.repository.list()).map((entity) => this.open(entity));
  }

  async get(id: string): Promise<Subscriber> {
    const entity = await this.repository.findById(id);
    if (!entity) throw new DigestSubscriberNotFoundException(id);
    return this.open(entity);
  }

  /** The subscriber or null (a deleted one, say, whose delivery was queued before). */
  async find(id: string): Promise<Subscriber | null> {
    const entity = await this.repository.findById(id);
    return entity ? this.open(entity) : null;
  }

  async update(id: string, dto: UpdateDigestSubscriberDto): Promise<Subscriber> {
    const { entity, email: oldEmail, name: oldName } = await this.get(id);
    let email = oldEmail;
    if (dto.email !== undefined && dto.email.trim() !== oldEmail) {
      email = dto.email.trim();
      const hash = this.cipher.hash(email);
      const holder = await this.repository.findByEmailHash(hash);
      if (holder && holder.id !== id) throw new DigestSubscriberExistsException(holder.id);
      entity.emailEncrypted = this.cipher.encrypt(email, id);
      entity.emailHash = hash;
    }
    if (dto.name !== undefined) entity.nameEncrypted = this.cipher.encrypt(dto.name, id, 'name');
    if (dto.timeZone !== undefined) entity.timeZone = dto.timeZone;
    if (dto.sendDay !== undefined) entity.sendDay = dto.sendDay;
    if (dto.sendHour !== undefined) entity.sendHour = dto.sendHour;
    if (dto.locale !== undefined) entity.locale = dto.locale;
    if (dto.slice !== undefined) entity.slice = toSlice(dto.slice);
    entity.updatedAt = new Date();
    await this.repository.update(entity);
    return { entity, email, name: dto.name ?? oldName };
  }

  /** Erasure: the row goes, and with it the address; delivery history keeps only the id. */
  async remove(id: string): Promise<void> {
    if (!(await this.repository.delete(id))) throw new DigestSubscriberNotFoundException(id);
  }

  /** For the unsubscribe link: true when a subscription was removed, false when it was already gone. */
  async unsubscribe(id: string): Promise<boolean> {
    return this.repository.delete(id);
  }

  private open(entity: DigestSubscriberEntity): Subscriber {
    return {
      entity,
      email: this.cipher.decrypt(entity.emailEncrypted, entity.id),
      name: this.cipher.decrypt(entity.nameEncrypted, entity.id, 'name'),
    };
  }

  private async exists(emailHash: string): Promise<DigestSubscriberExistsException> {
    const holder = await this.repository.findByEmailHash(emailHash);
    return new DigestSubscriberExistsException(holder?.id ?? 'unknown');
  }
}

/** Only the fields that narrow; an empty slice is no slice. */
function toSlice(dto: DigestSliceDto | null | undefined): DigestSlice | null {
  if (!dto) return null;
  const slice: DigestSlice = {};
  for (const field of SLICE_FIELDS) if (dto[field] !== undefined) slice[field] = dto[field];
  return Object.keys(slice).length ? slice : null;
}
