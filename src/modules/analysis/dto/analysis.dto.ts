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

export class SuggestionsQuery {
  @ApiPropertyOptional({ default: 14 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  recentDays?: number;
  @ApiPropertyOptional({ default: 56 })
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
}
