import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** Narrows a subscriber's digest to part of the feedback; each field is one value of that dimension. */
export class DigestSliceDto {
  @ApiPropertyOptional({ example: 'enterprise' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  segment?: string;

  @ApiPropertyOptional({ example: 'email' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  channel?: string;

  @ApiPropertyOptional({ example: 'checkout' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  touchpoint?: string;

  @ApiPropertyOptional({ example: 'purchase' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  journeyStage?: string;

  @ApiPropertyOptional({ example: 'trustpilot' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  source?: string;

  @ApiPropertyOptional({ example: 'review' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  kind?: string;
}
