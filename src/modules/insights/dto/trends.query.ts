import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { GRANULARITIES, QUERY_DIMENSIONS } from '../../rollups/query/insights-query.types';
import { METRICS } from '../../rollups/query/metric-registry';

const LIST = 'Comma-separated values; an item matches any of them';

/** Filters and time range shared by the trend and comparison queries. */
export class InsightsFiltersQuery {
  @ApiProperty({ enum: METRICS, example: 'nps' }) @IsIn(METRICS) metric: string;
  @ApiPropertyOptional({
    description:
      'Inclusive: a date (YYYY-MM-DD, midnight in `timezone`) or an ISO date-time on a whole hour. Default: 90 days before `to`',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;
  @ApiPropertyOptional({
    description: 'Exclusive; default: tomorrow, midnight in `timezone`',
    example: '2027-01-01',
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
  @ApiPropertyOptional({ description: LIST, example: 'checkout' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  touchpoint?: string;
  @ApiPropertyOptional({ description: LIST })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  journeyStage?: string;
  @ApiPropertyOptional({ description: LIST }) @IsOptional() @IsString() @MaxLength(2000) segment?: string;
  @ApiPropertyOptional({ description: LIST }) @IsOptional() @IsString() @MaxLength(2000) language?: string;
  @ApiPropertyOptional({
    description: `${LIST}. Narrows to mentions of the topics; sentiment metrics then read the topic's own sentiment`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  topic?: string;
  @ApiPropertyOptional({ description: `${LIST}. Cannot be combined with topic` })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  signal?: string;
  @ApiPropertyOptional({ enum: QUERY_DIMENSIONS, example: 'channel' })
  @IsOptional()
  @IsIn(QUERY_DIMENSIONS)
  groupBy?: string;
  @ApiPropertyOptional({
    description: 'Points resting on fewer answers are flagged lowSample',
    default: 30,
    minimum: 1,
    maximum: 100000,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100_000)
  minSample?: number;
}

export class TrendsQuery extends InsightsFiltersQuery {
  @ApiPropertyOptional({ enum: GRANULARITIES, default: 'week' })
  @IsOptional()
  @IsIn(GRANULARITIES)
  granularity?: string;
}

export class CompareTrendsQuery extends InsightsFiltersQuery {
  @ApiPropertyOptional({
    description: 'Baseline start; default: the period of the same length just before `from`',
    example: '2025-01-01',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  compareFrom?: string;
  @ApiPropertyOptional({ description: 'Baseline end (exclusive); default: `from`', example: '2026-01-01' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  compareTo?: string;
}
