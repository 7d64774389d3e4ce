import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IntervalDto } from '../../../core/http/interval.dto';
import { WEIGHTS_SCHEMA } from './weights.schema';

// Not ChangeDto: insights has one, and OpenAPI names schemas by class (the second would be dropped).
class IndexChangeDto {
  @ApiProperty({ example: -4.1, description: 'This period − the previous one, in index points' })
  difference: number;
  @ApiProperty({ type: () => IntervalDto, nullable: true }) ci: IntervalDto | null;
  @ApiProperty({ example: 0.03, nullable: true, type: Number }) pValue: number | null;
}

export class IndexComponentDto {
  @ApiProperty({ example: 'nps' }) key: string;
  @ApiProperty({ example: 62.5, nullable: true, type: Number, description: '0..100; null without data' })
  value: number | null;
  @ApiProperty({ example: 240 }) n: number;
  @ApiProperty({ type: () => IntervalDto, nullable: true }) ci: IntervalDto | null;
  @ApiProperty({ example: 1 }) weight: number;
  @ApiProperty({ example: 0.25, description: 'Renormalised over the components with data' })
  appliedWeight: number;
  @ApiProperty({ example: false }) lowSample: boolean;
}

export class IndexValueDto {
  @ApiProperty({ example: 'satisfaction' }) index: string;
  @ApiProperty({ example: 65.8, nullable: true, type: Number }) value: number | null;
  @ApiProperty({ type: () => IntervalDto, nullable: true }) ci: IntervalDto | null;
  @ApiProperty({ example: 2.3, nullable: true, type: Number }) standardError: number | null;
  @ApiProperty({ example: 900 }) n: number;
  @ApiProperty({ example: false }) lowSample: boolean;
  @ApiProperty({ type: [IndexComponentDto] }) components: IndexComponentDto[];
  @ApiProperty({ type: () => IndexChangeDto, nullable: true }) change: IndexChangeDto | null;
}

export class IndicesPointDto {
  @ApiProperty({ example: '2026-03-02' }) period: string;
  @ApiProperty({ example: 'trail_club', nullable: true, type: String }) group: string | null;
  @ApiProperty({ type: [IndexValueDto] }) indices: IndexValueDto[];
}

export class IndicesResponseDto {
  @ApiProperty({ example: '1' }) formulaVersion: string;
  @ApiProperty({ example: 3 }) weightsVersion: number;
  @ApiProperty({ example: 'week' }) granularity: string;
  @ApiProperty({ example: 'UTC' }) timezone: string;
  @ApiProperty({ example: 'segment', nullable: true, type: String }) groupBy: string | null;
  @ApiProperty({
    example: 0,
    description:
      'Outcome events stored but not yet counted in these figures (counted by a background job within seconds of arrival); counted up to 100,000, so 100000 means at least that many',
  })
  pendingOutcomes: number;
  @ApiProperty({ type: [IndicesPointDto] }) points: IndicesPointDto[];
}

export class IndexDefinitionsResponseDto {
  @ApiProperty({ example: '1' }) formulaVersion: string;
  @ApiProperty({ example: 0 }) weightsVersion: number;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'date-time' }) weightsUpdatedAt:
    string | null;
  @ApiProperty({ ...WEIGHTS_SCHEMA, example: { satisfaction: { nps: 1, csat_top_box: 1 } } })
  weights: Record<string, Record<string, number>>;
  @ApiProperty({ ...WEIGHTS_SCHEMA, example: { satisfaction: { nps: 1, csat_top_box: 1 } } })
  defaultWeights: Record<string, Record<string, number>>;
  @ApiProperty({
    example: [
      {
        name: 'satisfaction',
        description: 'How satisfied customers say they are',
        components: [
          { key: 'nps', label: 'NPS', formula: '…', rescaling: '(NPS + 100) / 2', n: 'NPS answers' },
        ],
      },
    ],
  })
  indices: unknown[];
}

class MixRateDto {
  @ApiProperty({ example: -0.11 }) mix: number;
  @ApiProperty({ example: 0.07 }) rate: number;
  @ApiProperty({ example: -0.04, description: 'mix + rate, exactly' }) total: number;
}

class MixRateGroupDto extends MixRateDto {
  @ApiProperty({ example: 'web' }) group: string;
  @ApiProperty({ example: 0.6 }) shareA: number;
  @ApiProperty({ example: 0.3 }) shareB: number;
  @ApiProperty({ example: 0.5, nullable: true, type: Number }) valueA: number | null;
  @ApiProperty({ example: 0.6, nullable: true, type: Number }) valueB: number | null;
}

const FROM_TO = {
  type: 'object',
  properties: { from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' } },
  required: ['from', 'to'],
} satisfies ApiPropertyOptions;

export class ExplainResponseDto {
  @ApiProperty({ example: 'nps' }) metric: string;
  @ApiProperty({ example: 'channel' }) groupBy: string;
  @ApiProperty({ ...FROM_TO, example: { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' } })
  current: { from: string; to: string };
  @ApiProperty({ ...FROM_TO, example: { from: '2026-02-01T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' } })
  baseline: { from: string; to: string };
  @ApiProperty({ example: 0.38, description: 'Baseline value (n-weighted mean of the groups)' })
  valueA: number;
  @ApiProperty({ example: 0.34 }) valueB: number;
  @ApiProperty({ type: [MixRateGroupDto] }) groups: MixRateGroupDto[];
  @ApiProperty({ type: MixRateDto }) total: MixRateDto;
}
