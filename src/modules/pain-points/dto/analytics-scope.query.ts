import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ScopeFiltersQuery } from '../../insights/dto/scope-filters.query';

/**
 * The range and filters of the analyst summaries (pain points, topic insights): the same names and rules as
 * `/trends` (parsed by the same functions), without metric or groupBy, which each summary fixes itself.
 */
export class AnalyticsScopeQuery extends ScopeFiltersQuery {
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
