import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntegrationEntity } from '../entities/integration.entity';
import { INTEGRATION_KINDS } from '../integration-kinds';
import type { FieldMapping } from '../field-mapping/field-mapping.type';
import { CONSTANTS_SCHEMA, FIELD_MAPPING_SCHEMA } from './create-integration.dto';

export class IntegrationResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() source: string;
  @ApiPropertyOptional({ enum: INTEGRATION_KINDS, nullable: true }) kind: string | null;
  @ApiPropertyOptional({ ...FIELD_MAPPING_SCHEMA, nullable: true }) fieldMapping: FieldMapping | null;
  @ApiPropertyOptional({ ...CONSTANTS_SCHEMA, nullable: true }) constants: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: String, nullable: true }) itemsPath: string | null;
  @ApiProperty() enabled: boolean;
  @ApiProperty({
    example: '/api/v1/webhooks/7d1c…',
    description: 'Where the sender posts its signed deliveries',
  })
  webhookPath: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) secretRotatedAt: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Until then the secret before the last rotation is still accepted',
  })
  previousSecretExpiresAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class IntegrationWithSecretResponseDto extends IntegrationResponseDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'The Standard Webhooks signing secret. Shown only once: store it now.',
  })
  secret: string;
}

export function toIntegrationResponse(entity: IntegrationEntity, now = new Date()): IntegrationResponseDto {
  const graceOpen = entity.previousSecretExpiresAt !== null && entity.previousSecretExpiresAt > now;
  return {
    id: entity.id,
    name: entity.name,
    source: entity.source,
    kind: entity.kind,
    fieldMapping: entity.fieldMapping,
    constants: entity.constants,
    itemsPath: entity.itemsPath,
    enabled: entity.disabledAt === null,
    webhookPath: `/api/v1/webhooks/${entity.id}`,
    secretRotatedAt: entity.secretRotatedAt?.toISOString() ?? null,
    previousSecretExpiresAt: graceOpen ? entity.previousSecretExpiresAt!.toISOString() : null,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}
