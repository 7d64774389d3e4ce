import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const LIST = 'Comma-separated values; an item matches any of them';

/**
 * The range and filters of the analyst summaries (pain points, topic insights): the same names and rules as
 * `/trends` (parsed by the same functions), without metric or groupBy, which each summary fixes itself.
 */
export class AnalyticsScopeQuery {
  @ApiPropertyOptional({
    description:
      'Inclusive: a date (midnight in `timezone`) or a date-time on a whole hour. Default: 28 days before `to`',
    example: '2026-04-27',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;
  @ApiPropertyOptional({
    description: 'Exclusive; default: tomorrow, midnight in `timezone`',
    example: '2026-05-04',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
  @ApiPropertyOptional({
    description: 'IANA zone with whole-hour offsets',
    default: 'UTC',
    example: 'Europe/Berlin',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;
  @ApiPropertyOptional({ description: LIST, example: 'review,survey_response' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  kind?: string;
  @ApiPropertyOptional({ description: LIST }) @IsOptional() @IsString() @MaxLength(2000) source?: string;
  @ApiPropertyOptional({ description: LIST, example: 'web,mobile_app' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  channel?: string;
  @ApiPropertyOptional({ description: LIST }) @IsOptional() @IsString() @MaxLength(2000) touchpoint?: string;
  @ApiPropertyOptional({ description: LIST })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  journeyStage?: string;
  @ApiPropertyOptional({ description: LIST }) @IsOptional() @IsString() @MaxLength(2000) segment?: string;
  @ApiPropertyOptional({ description: LIST }) @IsOptional() @IsString() @MaxLength(2000) language?: string;
  @ApiPropertyOptional({
    description: 'Rows per list (default 5 for pain points, 10 for topic insights)',
    minimum: 1,
    maximum: 50,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
  @ApiPropertyOptional({ description: 'Example verbatims per row (default 2)', minimum: 0, maximum: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(5)
  examples?: number;
  @ApiPropertyOptional({
    description: 'Rows resting on fewer scored items are flagged lowSample',
    default: 30,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  minSample?: number;
}
