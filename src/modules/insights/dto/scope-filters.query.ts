import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export const LIST = 'Comma-separated values; an item matches any of them';

/**
 * The range, time zone and item filters every analytics query takes (trends, comparisons, indices, pain points,
 * topic insights), with the same names and rules, parsed by the same functions (`trends-query.parser.ts`).
 */
export class ScopeFiltersQuery {
  @ApiPropertyOptional({
    description:
      'Inclusive: a date (YYYY-MM-DD, midnight in `timezone`) or an ISO date-time on a whole hour. Default before ' +
      '`to`: 90 days for trends and indices, 28 for pain points, 7 for topic insights',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string;
  @ApiPropertyOptional({
    description: 'Exclusive; default: tomorrow, midnight in `timezone`',
    example: '2027-01-01',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
  @ApiPropertyOptional({
    description: 'IANA zone with whole-hour offsets',
    default: 'UTC',
    example: 'Europe/Berlin',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;
  @ApiPropertyOptional({ description: LIST, example: 'review,survey_response' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  kind?: string;
  @ApiPropertyOptional({ description: LIST }) @IsOptional() @IsString() @MaxLength(2000) source?: string;
  @ApiPropertyOptional({ description: LIST, example: 'web,mobile_app' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  channel?: string;
  @ApiPropertyOptional({ description: LIST, example: 'checkout' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  touchpoint?: string;
  @ApiPropertyOptional({ description: LIST })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  journeyStage?: string;
  @ApiPropertyOptional({ description: LIST }) @IsOptional() @IsString() @MaxLength(2000) segment?: string;
  @ApiPropertyOptional({ description: LIST }) @IsOptional() @IsString() @MaxLength(2000) language?: string;
}
