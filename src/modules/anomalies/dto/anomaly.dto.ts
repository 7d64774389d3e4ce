import { ApiProperty } from '@nestjs/swagger';
import { ANOMALY_DIMENSIONS, ANOMALY_KINDS } from '../anomaly-kinds';
import { AnomalyEntity } from '../entities/anomaly.entity';

export class AnomalyDto {
  @ApiProperty({ example: '0190c6f2-5a3e-7c1d-9b2a-3f4e5d6c7b8a' }) id: string;
  @ApiProperty({ enum: ANOMALY_KINDS, example: 'negative_share_spike' }) kind: string;
  @ApiProperty({
    enum: ['day', 'week'],
    example: 'week',
    description:
      'day: that day alone; week: the 7 days ending on `day` (vs the same 7 days 1..8 weeks earlier)',
  })
  window: string;
  @ApiProperty({ enum: ANOMALY_DIMENSIONS, example: 'touchpoint' }) dimension: string;
  @ApiProperty({ example: 'checkout' }) value: string;
  @ApiProperty({ example: '2026-04-28', description: 'The UTC day of the spike' }) day: string;
  @ApiProperty({ example: 0.78, description: 'Items that day (volume) or negative share (0..1)' })
  observed: number;
  @ApiProperty({
    example: 0.24,
    description: 'Baseline: median count of the same weekday over 8 weeks, or their pooled negative share',
  })
  expected: number;
  @ApiProperty({ example: 23, description: 'Items (volume) or items with a sentiment (share) that day' })
  n: number;
  @ApiProperty({ example: 171, description: 'The same over the baseline days' }) baselineN: number;
  @ApiProperty({ example: 3.1e-9, description: 'One-sided Poisson (volume) or binomial (share) test' })
  pValue: number;
  @ApiProperty({ example: 2.2e-7, description: 'Benjamini–Hochberg over every series tested that day' })
  qValue: number;
  @ApiProperty({ example: '2026-04-29T01:15:00.000Z' }) detectedAt: string;
}

export class AnomalyPageDto {
  @ApiProperty({ type: [AnomalyDto] }) items: AnomalyDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toAnomalyDto(a: AnomalyEntity): AnomalyDto {
  return {
    id: a.id,
    kind: a.kind,
    window: a.window,
    dimension: a.dimension,
    value: a.dimensionValue,
    day: a.day,
    observed: a.observed,
    expected: a.expected,
    n: a.n,
    baselineN: a.baselineN,
    pValue: a.pValue,
    qValue: a.qValue,
    detectedAt: a.detectedAt.toISOString(),
  };
}
