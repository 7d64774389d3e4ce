import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntervalDto } from '../../../core/http/interval.dto';

export class TrendPointDto {
  @ApiProperty({ example: '2026-03-02', description: "The bucket's first day in the time zone" })
  period: string;
  @ApiProperty({ example: 'web', nullable: true, type: String }) group: string | null;
  @ApiProperty({ example: 22.1, nullable: true, type: Number, description: 'Unrounded; null when n = 0' })
  value: number | null;
  @ApiProperty({ example: 143 }) n: number;
  @ApiProperty({ type: () => IntervalDto, nullable: true, description: '95 % interval, null when undefined' })
  ci: IntervalDto | null;
  @ApiProperty({ example: false }) lowSample: boolean;
}

export class TrendsResponseDto {
  @ApiProperty({ example: 'nps' }) metric: string;
  @ApiProperty({ example: 'week' }) granularity: string;
  @ApiProperty({ example: 'Europe/Berlin' }) timezone: string;
  @ApiProperty({ example: 'channel', nullable: true, type: String }) groupBy: string | null;
  @ApiProperty({ type: [TrendPointDto] }) points: TrendPointDto[];
}

class MetricValueDto {
  @ApiProperty({ example: 0.31, nullable: true, type: Number }) value: number | null;
  @ApiProperty({ example: 410 }) n: number;
  @ApiProperty({ type: () => IntervalDto, nullable: true }) ci: IntervalDto | null;
}

class ChangeDto {
  @ApiProperty({ example: 0.09, nullable: true, type: Number, description: 'current − baseline' })
  difference: number | null;
  @ApiProperty({ type: () => IntervalDto, nullable: true }) ci: IntervalDto | null;
  @ApiProperty({ example: 0.0004, nullable: true, type: Number }) pValue: number | null;
  @ApiPropertyOptional({
    example: 0.0012,
    nullable: true,
    type: Number,
    description: 'Benjamini–Hochberg across the groups',
  })
  qValue: number | null;
}

export class GroupComparisonDto {
  @ApiProperty({ example: 'checkout', nullable: true, type: String }) group: string | null;
  @ApiProperty({ type: MetricValueDto }) current: MetricValueDto;
  @ApiProperty({ type: MetricValueDto }) baseline: MetricValueDto;
  @ApiProperty({ type: ChangeDto }) change: ChangeDto;
  @ApiProperty({ example: false }) lowSample: boolean;
}

class RangeDto {
  @ApiProperty({ example: '2026-03-01T00:00:00.000Z' }) from: string;
  @ApiProperty({ example: '2026-04-01T00:00:00.000Z' }) to: string;
}

export class CompareResponseDto {
  @ApiProperty({ example: 'negative_share' }) metric: string;
  @ApiProperty({ example: 'UTC' }) timezone: string;
  @ApiProperty({ example: 'touchpoint', nullable: true, type: String }) groupBy: string | null;
  @ApiProperty({ type: RangeDto }) current: RangeDto;
  @ApiProperty({ type: RangeDto }) baseline: RangeDto;
  @ApiProperty({ type: [GroupComparisonDto], description: 'Smallest q-value first, then the largest change' })
  groups: GroupComparisonDto[];
}
