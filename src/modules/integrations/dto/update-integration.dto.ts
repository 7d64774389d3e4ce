import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { INTEGRATION_KINDS, IntegrationKind } from '../integration-kinds';
import type { FieldMapping } from '../field-mapping/field-mapping.type';
import { CONSTANTS_SCHEMA, FIELD_MAPPING_SCHEMA } from './create-integration.dto';

/** Absent fields stay as they are; `null` clears kind, fieldMapping, constants and itemsPath. */
export class UpdateIntegrationDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ enum: INTEGRATION_KINDS, nullable: true })
  @IsOptional()
  @IsIn(INTEGRATION_KINDS, { message: `kind must be one of ${INTEGRATION_KINDS.join(', ')}` })
  kind?: IntegrationKind | null;

  @ApiPropertyOptional({ ...FIELD_MAPPING_SCHEMA, nullable: true })
  @IsOptional()
  @IsObject()
  fieldMapping?: FieldMapping | null;

  @ApiPropertyOptional({ ...CONSTANTS_SCHEMA, nullable: true })
  @IsOptional()
  @IsObject()
  constants?: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  itemsPath?: string | null;

  @ApiPropertyOptional({ description: 'false: deliveries answer 404 until enabled again' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
