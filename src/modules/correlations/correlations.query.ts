import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, Length } from 'class-validator';
import { AppException } from '../../core/http/app.exception';
import type { FactsRange } from './customer-facts.repository';

export class CorrelationsQuery {
  @ApiPropertyOptional({ description: 'Events and feedback with occurredAt >= from', example: '2026-01-01' })
  @IsOptional()
  @IsDateString()
  from?: string;
  @ApiPropertyOptional({ description: 'occurredAt < to', example: '2026-04-01' })
  @IsOptional()
  @IsDateString()
  to?: string;
  @ApiPropertyOptional({ description: 'Only feedback and events of this segment', example: 'trail_club' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  segment?: string;
}

/** The query's range as dates; 400 when `from` is not before `to`. */
export function factsRangeOf(query: CorrelationsQuery): FactsRange {
  const [from, to] = [
    query.from ? new Date(query.from) : undefined,
    query.to ? new Date(query.to) : undefined,
  ];
  if (from && to && from >= to)
    throw new AppException(400, 'from must be before to', 'VALIDATION_FAILED', [
      { field: 'from', reason: 'must be before to' },
    ]);
  return { from, to, segment: query.segment };
}
