import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { CHANNELS, FEEDBACK_KINDS, JOURNEY_STAGES } from './feedback-enums';
import { ANALYSIS_STATUSES } from '../entities/feedback.entity';

export class ListFeedbackQuery {
  @ApiPropertyOptional({ enum: FEEDBACK_KINDS }) @IsOptional() @IsIn(FEEDBACK_KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) source?: string;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) touchpoint?: string;
  @ApiPropertyOptional({ enum: JOURNEY_STAGES }) @IsOptional() @IsIn(JOURNEY_STAGES) journeyStage?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ enum: ANALYSIS_STATUSES })
  @IsOptional()
  @IsIn(ANALYSIS_STATUSES)
  analysisStatus?: string;
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
