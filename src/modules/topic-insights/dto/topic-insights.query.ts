import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AnalyticsScopeQuery } from '../../pain-points/dto/analytics-scope.query';

export class TopicInsightsQuery extends AnalyticsScopeQuery {
  @ApiPropertyOptional({
    description:
      'Baseline start; default: 4 periods of the same length before `from` (28 days before a week)',
    example: '2026-04-20',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  compareFrom?: string;
  @ApiPropertyOptional({ description: 'Baseline end (exclusive); default: `from`', example: '2026-04-27' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  compareTo?: string;
}
