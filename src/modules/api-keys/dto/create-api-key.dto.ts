import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateBy,
  ValidationOptions,
} from 'class-validator';
import { API_KEY_SCOPES, ApiKeyScope } from '../entities/api-key.entity';

/** No control characters (NUL, newlines, escapes): names are shown in lists and written to logs. */
const PRINTABLE_NAME = /^(?!\s*$)[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u;

/** A key born expired is a mistake, never intended: refuse it rather than create a key that never works. */
function IsInTheFuture(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInTheFuture',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && Date.parse(value) > Date.now(),
        defaultMessage: () => 'expiresAt must be in the future',
      },
    },
    options,
  );
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'zendesk-sync', description: 'A label to recognise the key by' })
  @IsString()
  @Length(1, 100)
  @Matches(PRINTABLE_NAME, { message: 'name must be printable text (no control characters)' })
  name: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['ingest'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(API_KEY_SCOPES, { each: true, message: `each scope must be one of ${API_KEY_SCOPES.join(', ')}` })
  scopes: ApiKeyScope[];

  @ApiPropertyOptional({
    example: '2027-01-01T00:00:00Z',
    description: 'Optional expiry (ISO 8601), in the future',
  })
  @IsOptional()
  @IsDateString({ strict: true })
  @IsInTheFuture()
  expiresAt?: string;
}
