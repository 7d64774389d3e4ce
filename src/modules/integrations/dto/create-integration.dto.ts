import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches } from 'class-validator';
import { SOURCE_SLUG_PATTERN } from '../../feedback/dto/feedback-enums';
import { INTEGRATION_KINDS, IntegrationKind } from '../integration-kinds';
import type { FieldMapping } from '../field-mapping/field-mapping.type';
import { TYPEFORM_NPS_EXAMPLE } from '../field-mapping/example-mappings';

export const FIELD_MAPPING_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description:
    'Hearken field (dotted for nested: `customer.email`, `metadata.x`) → JSONPath (`$.a.b`, `$.a[0]`, ' +
    "`$.answers[?(@.field.ref=='nps')].number`) or `{ path, map?, default? }`. Omit when deliveries are already Hearken items.",
  additionalProperties: {
    oneOf: [
      { type: 'string' },
      {
        type: 'object',
        properties: {
          path: { type: 'string' },
          map: { type: 'object', additionalProperties: true },
          default: {},
        },
        required: ['path'],
      },
    ],
  },
  example: TYPEFORM_NPS_EXAMPLE.mapping,
};

export const CONSTANTS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: true,
  description: 'Fixed Hearken fields written before the mapped ones (mapped values win when present)',
  example: { channel: 'email', journeyStage: 'usage' },
};

export class CreateIntegrationDto {
  @ApiProperty({ example: 'Typeform NPS', description: 'A label to recognise it by' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({
    example: 'typeform',
    description: 'Default `source` of the feedback it delivers (lower-case slug)',
  })
  @IsString()
  @Matches(SOURCE_SLUG_PATTERN, { message: 'source must be a lower-case slug (a-z, 0-9, _ . -; at most 64)' })
  source: string;

  @ApiPropertyOptional({
    enum: INTEGRATION_KINDS,
    description:
      'Default `kind` for items that do not say theirs; `outcome`: deliveries are outcome events (see docs/outcomes.md)',
  })
  @IsOptional()
  @IsIn(INTEGRATION_KINDS, { message: `kind must be one of ${INTEGRATION_KINDS.join(', ')}` })
  kind?: IntegrationKind;

  @ApiPropertyOptional(FIELD_MAPPING_SCHEMA)
  @IsOptional()
  @IsObject()
  fieldMapping?: FieldMapping;

  @ApiPropertyOptional(CONSTANTS_SCHEMA)
  @IsOptional()
  @IsObject()
  constants?: Record<string, unknown>;

  @ApiPropertyOptional({
    example: '$.events',
    description: 'JSONPath to the array of items when one delivery batches several',
  })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  itemsPath?: string;
}
