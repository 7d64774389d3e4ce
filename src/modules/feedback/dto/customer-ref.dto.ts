import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import {
  HasPhoneDigits,
  IdToString,
  IsFlatAttributes,
  IsText,
} from '../validation/feedback-constraints.decorator';
import { EMAIL_PATTERN, PHONE_PATTERN } from '../validation/value-checks';
import { FEEDBACK_LIMITS } from './feedback-enums';
import type { CustomerAttributeValue } from './feedback-input.type';

/**
 * Who gave the feedback. Every field is optional but the object must not be empty: a customer
 * known only by segment (anonymous survey) is fine. Identifiers are stored as keyed hashes only.
 */
export class CustomerRefDto {
  @ApiPropertyOptional({
    description: 'Id of the customer in the source system (string or integer).',
    example: 'cus_8412',
  })
  @IsOptional()
  @IdToString()
  @IsText(FEEDBACK_LIMITS.idMaxChars)
  externalId?: string;

  @ApiPropertyOptional({ description: 'Lower-cased on input.', example: 'ana@example.com', maxLength: 254 })
  @IsOptional()
  @IsText(254, { lowerCase: true })
  @Matches(EMAIL_PATTERN, { message: 'must be an email address' })
  email?: string;

  @ApiPropertyOptional({ description: 'Any common format; 6 to 15 digits.', example: '+44 20 7946 0018' })
  @IsOptional()
  @IsText(32)
  @Matches(PHONE_PATTERN, { message: 'must be a phone number' })
  @HasPhoneDigits()
  phone?: string;

  @ApiPropertyOptional({
    description: 'Customer segment label.',
    example: 'enterprise',
    maxLength: FEEDBACK_LIMITS.labelMaxChars,
  })
  @IsOptional()
  @IsText(FEEDBACK_LIMITS.labelMaxChars)
  segment?: string;

  @ApiPropertyOptional({
    description: 'Flat free attributes (string, number, boolean or null values; at most 50 keys).',
    example: { plan: 'pro', seats: 12 },
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsFlatAttributes()
  attributes?: Record<string, CustomerAttributeValue>;
}
