import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntervalDto } from '../../../core/http/interval.dto';
import { RANGE_SCHEMA } from '../../pain-points/dto/pain-points-response.dto';
import { VerbatimDto } from '../../verbatims/dto/verbatim-response.dto';

// Not MetricValueDto/ChangeDto: insights has classes of those names, and OpenAPI names schemas by class.
export class TopicMetricValueDto {
  @ApiPropertyOptional({ type: Number, nullable: true, example: -0.42 }) value: number | null;
  @ApiProperty({ example: 180 }) n: number;
  @ApiPropertyOptional({ nullable: true, type: () => IntervalDto }) ci: IntervalDto | null;
}

export class TopicChangeDto {
  @ApiPropertyOptional({ type: Number, nullable: true, example: 0.031 }) baseline: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 0.118 }) current: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 0.087 }) difference: number | null;
  @ApiPropertyOptional({ nullable: true, type: () => IntervalDto }) ci: IntervalDto | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 1.2e-12 }) pValue: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 3.4e-11,
    description: 'Benjamini–Hochberg over the topics',
  })
  qValue: number | null;
}

export class TopicInsightDto {
  @ApiProperty({ example: 'payment' }) topic: string;
  @ApiProperty({ example: 212, description: 'Items mentioning the topic (the volume metric of its rows)' })
  volume: number;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 0.118,
    description: 'Of all items in the range',
  })
  share: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: () => IntervalDto,
    description: 'Wilson 95 % interval of the share (n = the items in the range)',
  })
  shareCi: IntervalDto | null;
  @ApiProperty({ type: TopicMetricValueDto, description: 'Mean topic sentiment, −1..1, t interval' })
  sentiment: TopicMetricValueDto;
  @ApiProperty({ type: TopicMetricValueDto, description: 'Negative share of its mentions, Wilson interval' })
  negativeShare: TopicMetricValueDto;
  @ApiProperty({
    type: TopicMetricValueDto,
    description: 'NPS of the survey answers that raised it, −100..100',
  })
  nps: TopicMetricValueDto;
  @ApiProperty({
    type: TopicChangeDto,
    description: 'Share of items mentioning it, against the baseline (two-proportion z)',
  })
  shareChange: TopicChangeDto;
  @ApiProperty({
    type: TopicChangeDto,
    description: 'Negative share against the baseline (two-proportion z)',
  })
  negativeShareChange: TopicChangeDto;
  @ApiProperty({ example: true, description: 'Either change has q ≤ 0.05' }) significant: boolean;
  @ApiProperty({ example: false }) lowSample: boolean;
  @ApiProperty({ type: [VerbatimDto] }) examples: VerbatimDto[];
}

export class TopicInsightsResponseDto {
  @ApiProperty({
    ...RANGE_SCHEMA,
    example: { from: '2026-04-27T00:00:00.000Z', to: '2026-05-04T00:00:00.000Z', timezone: 'UTC' },
  })
  range: { from: string; to: string; timezone: string };
  @ApiProperty({
    ...RANGE_SCHEMA,
    example: { from: '2026-04-20T00:00:00.000Z', to: '2026-04-27T00:00:00.000Z', timezone: 'UTC' },
  })
  baseline: { from: string; to: string; timezone: string };
  @ApiProperty({
    type: 'object',
    properties: { current: { type: 'integer' }, baseline: { type: 'integer' } },
    required: ['current', 'baseline'],
    example: { current: 1790, baseline: 1733 },
    description: 'Items in each range',
  })
  items: { current: number; baseline: number };
  @ApiProperty({ type: [TopicInsightDto], description: 'Most mentioned first' }) byVolume: TopicInsightDto[];
  @ApiProperty({ type: [TopicInsightDto], description: 'Highest negative share first (enough sample first)' })
  byNegativity: TopicInsightDto[];
  @ApiProperty({
    type: [TopicInsightDto],
    description: 'Significant changes first (smallest q), then the largest',
  })
  movers: TopicInsightDto[];
}
