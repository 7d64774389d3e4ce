import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CreateIntegrationDto } from './dto/create-integration.dto';
import { DEFAULT_GRACE_SECONDS } from './dto/rotate-secret.dto';
import { UpdateIntegrationDto } from './dto/update-integration.dto';
import { IntegrationEntity } from './entities/integration.entity';
import { integrationSettingsProblems } from './integration-settings';
import { IntegrationRepository } from './integration.repository';
import { IntegrationNotFoundException, InvalidFieldMappingException } from './integrations.exception';
import { generateWebhookSecret, WebhookSecretCipher } from './webhook-secret.cipher';

export const WEBHOOK_SECRET_CIPHER = Symbol('WEBHOOK_SECRET_CIPHER');

/** Registering, changing and disabling integrations, and their signing secrets. */
@Injectable()
export class IntegrationsService {
  private readonly logger = new Logger(IntegrationsService.name);

  constructor(
    private readonly repository: IntegrationRepository,
    @Inject(WEBHOOK_SECRET_CIPHER) private readonly cipher: WebhookSecretCipher,
  ) {}

  /** The new integration and its signing secret, which is not shown again. */
  async create(dto: CreateIntegrationDto): Promise<{ entity: IntegrationEntity; secret: string }> {
    const settings = {
      fieldMapping: dto.fieldMapping ?? null,
      constants: dto.constants ?? null,
      itemsPath: dto.itemsPath ?? null,
    };
    assertValid({ ...settings, kind: dto.kind });
    const id = randomUUID();
    const secret = generateWebhookSecret();
    const now = new Date();
    const entity: IntegrationEntity = {
      id,
      name: dto.name,
      source: dto.source,
      kind: dto.kind ?? null,
      ...settings,
      secretEncrypted: this.cipher.encrypt(secret, id),
      previousSecretEncrypted: null,
      previousSecretExpiresAt: null,
      secretRotatedAt: null,
      disabledAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.repository.insert(entity);
    this.logger.log(`Integration ${id} (${dto.name}, source ${dto.source}) created`);
    return { entity, secret };
  }

  list(): Promise<IntegrationEntity[]> {
    return this.repository.list();
  }

  async get(id: string): Promise<IntegrationEntity> {
    const found = await this.repository.findById(id);
    if (!found) throw new IntegrationNotFoundException(id);
    return found;
  }

  async update(id: string, dto: UpdateIntegrationDto): Promise<IntegrationEntity> {
    const entity = await this.get(id);
    const settings = {
      fieldMapping: dto.fieldMapping === undefined ? entity.fieldMapping : dto.fieldMapping,
      constants: dto.constants === undefined ? entity.constants : dto.constants,
      itemsPath: dto.itemsPath === undefined ? entity.itemsPath : dto.itemsPath,
    };
    assertValid({ ...settings, kind: dto.kind === undefined ? entity.kind : dto.kind });
    Object.assign(entity, settings);
    // null passes @IsOptional; name and enabled cannot be cleared, so null leaves them as they are.
    if (dto.name != null) entity.name = dto.name;
    if (dto.kind !== undefined) entity.kind = dto.kind;
    if (dto.enabled != null) entity.disabledAt = dto.enabled ? null : (entity.disabledAt ?? new Date());
    entity.updatedAt = new Date();
    return this.repository.save(entity);
  }

  async disable(id: string): Promise<void> {
    await this.update(id, { enabled: false });
    this.logger.log(`Integration ${id} disabled`);
  }

  /** A new secret; the current one stays valid for `graceSeconds` so the sender can switch over. */
  async rotateSecret(
    id: string,
    graceSeconds = DEFAULT_GRACE_SECONDS,
  ): Promise<{ entity: IntegrationEntity; secret: string }> {
    const entity = await this.get(id);
    const secret = generateWebhookSecret();
    const now = new Date();
    entity.previousSecretEncrypted = graceSeconds > 0 ? entity.secretEncrypted : null;
    entity.previousSecretExpiresAt = graceSeconds > 0 ? new Date(now.getTime() + graceSeconds * 1000) : null;
    entity.secretEncrypted = this.cipher.encrypt(secret, id);
    entity.secretRotatedAt = now;
    entity.updatedAt = now;
    await this.repository.save(entity);
    this.logger.log(`Integration ${id}: signing secret rotated, old one valid for ${graceSeconds} s`);
    return { entity, secret };
  }

  /**
   * The secrets a delivery may be signed with right now: the current one, then the previous during its grace.
   * One that no longer decrypts (IDENTITY_SECRET changed) is left out and logged, so a rotation recovers.
   */
  signingSecrets(entity: IntegrationEntity, now = new Date()): string[] {
    const stored = [entity.secretEncrypted];
    if (
      entity.previousSecretEncrypted &&
      entity.previousSecretExpiresAt &&
      entity.previousSecretExpiresAt > now
    ) {
      stored.push(entity.previousSecretEncrypted);
    }
    return stored.flatMap((value) => {
      try {
        return [this.cipher.decrypt(value, entity.id)];
      } catch {
        this.logger.error(
          `Integration ${entity.id}: a signing secret does not decrypt (was IDENTITY_SECRET changed?); rotate it`,
        );
        return [];
      }
    });
  }
}

function assertValid(settings: Parameters<typeof integrationSettingsProblems>[0]): void {
  const problems = integrationSettingsProblems(settings);
  if (problems.length) throw new InvalidFieldMappingException(problems);
}
