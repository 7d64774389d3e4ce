import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ListAnomaliesQuery {
  @ApiPropertyOptional({
    description: 'volume_spike | negative_share_spike (comma-separated)',
    example: 'negative_share_spike',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  kind?: string;

  @ApiPropertyOptional({
    description: 'topic | touchpoint | channel (comma-separated)',
    example: 'touchpoint',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  dimension?: string;

  @ApiPropertyOptional({
    description: 'Series values, e.g. a topic key or touchpoint (comma-separated)',
    example: 'checkout',
  })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  value?: string;

  @ApiPropertyOptional({ description: 'First UTC day (inclusive)', example: '2026-04-01' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'Last UTC day (exclusive)', example: '2026-05-01' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
}

export class DetectAnomaliesDto {
  @ApiPropertyOptional({
    description: 'First UTC day to examine (default: three days before yesterday)',
    example: '2026-01-05',
  })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    description: 'Last UTC day to examine, inclusive (default: yesterday)',
    example: '2026-06-28',
  })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}
