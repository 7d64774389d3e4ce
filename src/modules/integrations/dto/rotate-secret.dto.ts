import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_GRACE_SECONDS = 24 * 60 * 60;
export const MAX_GRACE_SECONDS = 7 * 24 * 60 * 60;

export class RotateSecretDto {
  @ApiPropertyOptional({
    default: DEFAULT_GRACE_SECONDS,
    minimum: 0,
    maximum: MAX_GRACE_SECONDS,
    description: 'How long the old secret stays valid, so the sender can switch without losing deliveries',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_GRACE_SECONDS)
  graceSeconds?: number;
}
