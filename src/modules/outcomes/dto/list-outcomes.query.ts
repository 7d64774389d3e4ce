import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { LIFECYCLE_EVENTS, OUTCOME_TYPES, REFERRAL_STATUSES } from './outcome-enums';

const EVENTS = [...LIFECYCLE_EVENTS, ...REFERRAL_STATUSES];

export class ListOutcomesQuery {
  @ApiPropertyOptional({ enum: OUTCOME_TYPES }) @IsOptional() @IsIn(OUTCOME_TYPES) type?: string;
  @ApiPropertyOptional({ enum: EVENTS, description: 'A lifecycle event or a referral status' })
  @IsOptional()
  @IsIn(EVENTS)
  event?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) source?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) segment?: string;
  @ApiPropertyOptional({ description: 'As the subject, the referrer or the referred' })
  @IsOptional()
  @IsUUID()
  customerId?: string;
  @ApiPropertyOptional({ description: 'true: only flagged events; false: only unflagged' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  flagged?: boolean;
  @ApiPropertyOptional({ description: 'occurredAt >= from (ISO 8601)' })
  @IsOptional()
  @IsDateString()
  from?: string;
  @ApiPropertyOptional({ description: 'occurredAt < to (ISO 8601)' })
  @IsOptional()
  @IsDateString()
  to?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}
