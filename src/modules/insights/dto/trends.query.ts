import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { GRANULARITIES, QUERY_DIMENSIONS } from '../../rollups/query/insights-query.types';
import { METRICS } from '../../rollups/query/metric-registry';
import { LIST, ScopeFiltersQuery } from './scope-filters.query';

/** The scope and filters of the trend and comparison queries, and the metric, topic, signal and group. */
export class InsightsFiltersQuery extends ScopeFiltersQuery {
  @ApiProperty({ enum: METRICS, example: 'nps' }) @IsIn(METRICS) metric: string;
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
