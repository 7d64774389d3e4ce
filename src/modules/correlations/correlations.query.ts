import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, Length } from 'class-validator';

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
