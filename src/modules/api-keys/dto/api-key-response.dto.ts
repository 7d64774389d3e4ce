import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { API_KEY_SCOPES, ApiKeyEntity, ApiKeyScope } from '../entities/api-key.entity';

export class ApiKeyResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The first characters of the key, to recognise it' }) prefix: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true }) scopes: ApiKeyScope[];
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) expiresAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty() createdAt: string;
}

export class CreatedApiKeyResponseDto extends ApiKeyResponseDto {
  @ApiProperty({ description: 'The key itself. Shown only once: store it now.' }) key: string;
}

export function toApiKeyResponse(entity: ApiKeyEntity): ApiKeyResponseDto {
  return {
    id: entity.id,
    name: entity.name,
    prefix: entity.prefix,
    scopes: entity.scopes.split(',') as ApiKeyScope[],
    expiresAt: entity.expiresAt?.toISOString() ?? null,
    revokedAt: entity.revokedAt?.toISOString() ?? null,
    createdAt: entity.createdAt.toISOString(),
  };
}
