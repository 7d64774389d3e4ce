import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsISO6391,
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  Matches,
  ValidateNested,
} from 'class-validator';
import {
  IdToString,
  IsOccurredAt,
  IsSmallJsonObject,
  IsText,
  Trim,
} from '../validation/feedback-constraints.decorator';
import { CustomerRefDto } from './customer-ref.dto';
import {
  Channel,
  CHANNELS,
  FEEDBACK_LIMITS,
  JOURNEY_STAGES,
  JourneyStage,
  SOURCE_SLUG_PATTERN,
} from './feedback-enums';

/**
 * Fields every kind of feedback shares. Required: `kind` and `source`; everything else is optional.
 * `null` counts as absent. Unknown fields are rejected, also inside `customer`.
 * `kind` and `text` (at most 20,000 characters) are declared by each kind: their rules differ per kind.
 */
export abstract class CreateFeedbackBaseDto {
  @ApiProperty({ description: 'System the item came from, as a slug (lower-cased).', example: 'trustpilot' })
  @IsText(64, { lowerCase: true })
  @Matches(SOURCE_SLUG_PATTERN, { message: 'must be a slug (a-z, 0-9, _ . -)' })
  source: string;

  @ApiPropertyOptional({
    description: 'Id of the item in the source; (source, externalId) deduplicates.',
    example: '53bffd36',
  })
  @IsOptional()
  @IdToString()
  @IsText(FEEDBACK_LIMITS.idMaxChars)
  externalId?: string;

  @ApiPropertyOptional({ enum: CHANNELS, default: 'other' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;

  @ApiPropertyOptional({
    description: 'Free label of the moment in the journey (lower-cased).',
    example: 'checkout',
  })
  @IsOptional()
  @IsText(FEEDBACK_LIMITS.labelMaxChars, { lowerCase: true })
  touchpoint?: string;

  @ApiPropertyOptional({ enum: JOURNEY_STAGES })
  @IsOptional()
  @IsIn(JOURNEY_STAGES)
  journeyStage?: JourneyStage;

  @ApiPropertyOptional({ type: () => CustomerRefDto })
  @IsOptional()
  @IsObject()
  @IsNotEmptyObject({ nullable: false }, { message: 'customer must not be empty (omit it instead)' })
  @ValidateNested()
  @Type(() => CustomerRefDto)
  customer?: CustomerRefDto;

  @ApiPropertyOptional({ description: 'ISO 639-1 code; detected later when absent.', example: 'en' })
  @IsOptional()
  @Trim({ lowerCase: true })
  @IsISO6391()
  language?: string;

  @ApiPropertyOptional({
    description: 'ISO 8601; no offset means UTC. At most 24 h in the future. Defaults to now.',
    example: '2026-05-04T10:15:00Z',
  })
  @IsOptional()
  @IsOccurredAt()
  occurredAt?: string;

  @ApiPropertyOptional({
    description: `Small free JSON object (at most ${FEEDBACK_LIMITS.metadataMaxBytes} bytes, shallow).`,
    type: 'object',
    additionalProperties: true,
  })
  @IsOptional()
  @IsNotEmptyObject({ nullable: false }, { message: 'metadata must not be empty (omit it instead)' })
  @IsSmallJsonObject()
  metadata?: Record<string, unknown>;
}
