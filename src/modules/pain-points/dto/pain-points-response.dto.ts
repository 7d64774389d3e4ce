import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IntervalDto } from '../../../core/http/interval.dto';
import { VerbatimDto } from '../../verbatims/dto/verbatim-response.dto';

/** The resolved range of an analytics answer, as an inline schema (a class would add one more schema name). */
export const RANGE_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  properties: {
    from: { type: 'string', format: 'date-time' },
    to: { type: 'string', format: 'date-time' },
    timezone: { type: 'string' },
  },
  required: ['from', 'to', 'timezone'],
};

export class NegativeTopicDto {
  @ApiProperty({ example: 'payment' }) topic: string;
  @ApiProperty({ example: 64, description: 'Negative mentions of the topic in this group' })
  negatives: number;
  @ApiProperty({ example: 80, description: 'Scored mentions of the topic in this group' }) scored: number;
  @ApiProperty({ example: 0.8 }) negativeShare: number;
}

export class PainPointDto {
  @ApiProperty({ example: 'checkout' }) value: string;
  @ApiProperty({ example: 412, description: 'Items (the volume metric)' }) volume: number;
  @ApiProperty({ example: 398, description: 'Items with a sentiment (the share’s n)' }) scored: number;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 0.71 }) negativeShare: number | null;
  @ApiPropertyOptional({ nullable: true, type: () => IntervalDto, description: 'Wilson 95 %' })
  ci: IntervalDto | null;
  @ApiProperty({
    example: 193.6,
    description:
      '(negative share − overall negative share) × volume: negatives beyond what the overall rate predicts',
  })
  impact: number;
  @ApiProperty({ example: false }) lowSample: boolean;
  @ApiProperty({ type: [NegativeTopicDto] }) topNegativeTopics: NegativeTopicDto[];
  @ApiProperty({
    type: [VerbatimDto],
    description: 'Recent negative verbatims of the group (its top negative topic first)',
  })
  examples: VerbatimDto[];
}

export class PainPointsResponseDto {
  @ApiProperty({
    ...RANGE_SCHEMA,
    example: { from: '2026-04-27T00:00:00.000Z', to: '2026-05-04T00:00:00.000Z', timezone: 'UTC' },
  })
  range: { from: string; to: string; timezone: string };
  @ApiProperty({
    type: 'object',
    properties: {
      volume: { type: 'integer' },
      scored: { type: 'integer' },
      negativeShare: { type: 'number', nullable: true },
    },
    required: ['volume', 'scored', 'negativeShare'],
    example: { volume: 2210, scored: 2105, negativeShare: 0.27 },
  })
  overall: { volume: number; scored: number; negativeShare: number | null };
  @ApiProperty({ type: [PainPointDto], description: 'Largest impact first' }) touchpoints: PainPointDto[];
  @ApiProperty({ type: [PainPointDto], description: 'Largest impact first' }) journeyStages: PainPointDto[];
}

export class ChannelPairDto {
  @ApiProperty({ example: ['chat', 'web'], type: [String] }) channels: string[];
  @ApiProperty({ example: 17 }) customers: number;
}

export class CrossChannelTopicDto {
  @ApiProperty({ example: 'payment' }) topic: string;
  @ApiProperty({ example: 23, description: 'Customers who complained about it in two or more channels' })
  customers: number;
  @ApiProperty({ type: [ChannelPairDto], description: 'Most customers first' })
  channelPairs: ChannelPairDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { web: 21, chat: 12, phone: 6 },
    description: 'Of those customers, how many used each channel',
  })
  channels: Record<string, number>;
}

export class CrossChannelResponseDto {
  @ApiProperty({
    type: 'object',
    properties: {
      from: { type: 'string', format: 'date-time' },
      to: { type: 'string', format: 'date-time' },
      days: { type: 'integer' },
    },
    required: ['from', 'to', 'days'],
    example: { from: '2026-04-04T00:00:00.000Z', to: '2026-05-04T00:00:00.000Z', days: 30 },
  })
  window: { from: string; to: string; days: number };
  @ApiProperty({ type: [CrossChannelTopicDto], description: 'Most customers first' })
  topics: CrossChannelTopicDto[];
}
