import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsIn, IsObject } from 'class-validator';
import { QUERY_DIMENSIONS } from '../../rollups/query/insights-query.types';
import { CompareTrendsQuery, TrendsQuery } from '../../insights/dto/trends.query';
import { EXPLAIN_METRICS } from '../explain.service';

/** The same range, granularity, zone, filters, groupBy and minSample as GET /trends, without a metric. */
export class IndicesQueryDto extends OmitType(TrendsQuery, ['metric'] as const) {}

export class ExplainQueryDto extends OmitType(CompareTrendsQuery, ['metric', 'groupBy'] as const) {
  @ApiProperty({ enum: EXPLAIN_METRICS, example: 'nps' })
  @IsIn(EXPLAIN_METRICS)
  metric: string;

  @ApiProperty({ enum: QUERY_DIMENSIONS, example: 'segment' })
  @IsIn(QUERY_DIMENSIONS)
  groupBy: string;
}

export class PutWeightsDto {
  @ApiProperty({
    description:
      'Per index, the weights to change (≥ 0, at most 1000; each index keeps a positive sum); others stay',
    example: { satisfaction: { nps: 2, net_sentiment: 0.5 } },
  })
  @IsObject({ message: 'must be an object of indices, each an object of weights' })
  weights: Record<string, Record<string, number>>;
}
