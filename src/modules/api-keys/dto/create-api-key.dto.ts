import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsDateString, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { API_KEY_SCOPES, ApiKeyScope } from '../entities/api-key.entity';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'zendesk-sync', description: 'A label to recognise the key by' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['ingest'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(API_KEY_SCOPES, { each: true, message: `each scope must be one of ${API_KEY_SCOPES.join(', ')}` })
  scopes: ApiKeyScope[];

  @ApiPropertyOptional({ example: '2027-01-01T00:00:00Z', description: 'Optional expiry (ISO 8601)' })
  @IsOptional()
  @IsDateString({ strict: true })
  expiresAt?: string;
}
