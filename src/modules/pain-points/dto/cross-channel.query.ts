import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class CrossChannelQuery {
  @ApiPropertyOptional({
    description:
      'End of the window (exclusive): a date (UTC midnight) or date-time on a whole hour. Default: tomorrow',
    example: '2026-05-04',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string;
  @ApiPropertyOptional({ description: 'Window length in days', default: 30, minimum: 1, maximum: 366 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  windowDays?: number;
  @ApiPropertyOptional({
    description: 'Only these topics (comma-separated keys)',
    example: 'payment,ordering',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  topic?: string;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
