import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CHANNELS, FEEDBACK_KINDS } from '../../feedback/dto/feedback-enums';

export class AnalyzeTextsDto {
  @ApiProperty({
    type: [String],
    maxItems: 100,
    example: ['The delivery was late and nobody answered the phone.'],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(20_000, { each: true })
  texts: string[];
}

export class ReprocessFilterDto {
  @ApiPropertyOptional({ enum: FEEDBACK_KINDS }) @IsOptional() @IsIn(FEEDBACK_KINDS) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) source?: string;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) touchpoint?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsDateString() to?: string;
}

export class StartReprocessDto {
  @ApiPropertyOptional({
    type: ReprocessFilterDto,
    description: 'Which stored feedback to re-analyse (default: all)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReprocessFilterDto)
  filter?: ReprocessFilterDto;
}

const SLICE_LIST = 'Comma-separated values; only items with one of them are read';

export class SuggestionsQuery {
  @ApiPropertyOptional({
    description: 'Start of the window (ISO 8601, inclusive); default: `to` minus recentDays',
    example: '2026-04-27',
  })
  @IsOptional()
  @IsDateString()
  from?: string;
  @ApiPropertyOptional({
    description: 'End of the window (ISO 8601, exclusive); default: now',
    example: '2026-05-04',
  })
  @IsOptional()
  @IsDateString()
  to?: string;
  @ApiPropertyOptional({
    description:
      'Start of the baseline, which ends at `from`; default: four window lengths before `from` (given `from`) ' +
      'or `from` minus baselineDays',
  })
  @IsOptional()
  @IsDateString()
  baselineFrom?: string;
  @ApiPropertyOptional({ default: 14, description: 'Window length in days when `from` is not given' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  recentDays?: number;
  @ApiPropertyOptional({
    default: 56,
    description: 'Baseline length in days when neither `from` nor `baselineFrom` is given',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  baselineDays?: number;
  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({
    default: false,
    description: 'Read only texts no topic covers (what the taxonomy misses) instead of every text',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  uncoveredOnly?: 'true' | 'false';
  // The item filters of the analytics API (same names, lists and rules): themes of one slice, in the window
  // and the baseline alike.
  @ApiPropertyOptional({ description: SLICE_LIST, example: 'review,survey_response' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  kind?: string;
  @ApiPropertyOptional({ description: SLICE_LIST })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  source?: string;
  @ApiPropertyOptional({ description: SLICE_LIST, example: 'email' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  channel?: string;
  @ApiPropertyOptional({ description: SLICE_LIST })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  touchpoint?: string;
  @ApiPropertyOptional({ description: SLICE_LIST })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  journeyStage?: string;
  @ApiPropertyOptional({ description: SLICE_LIST })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  segment?: string;
  @ApiPropertyOptional({ description: SLICE_LIST })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  language?: string;
}
