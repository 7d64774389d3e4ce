import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DELIVERY_STATUSES, DeliveryStatus } from '../entities/digest-delivery.entity';
import { IsIsoWeek } from './iso-week.validator';

export class PreviewDigestQuery {
  @ApiPropertyOptional({ example: '2026-W47', description: 'Default: last week' })
  @IsOptional()
  @IsIsoWeek()
  week?: string;

  @ApiPropertyOptional({
    example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b',
    description: 'A subscriber id: their zone, slice and locale (default: UTC, everything, en-GB)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'subscriber must be a subscriber id (UUID)' })
  subscriber?: string;

  @ApiPropertyOptional({ enum: ['html', 'json'], default: 'html' })
  @IsOptional()
  @IsIn(['html', 'json'], { message: 'format must be html or json' })
  format?: 'html' | 'json';
}

export class SendDigestDto {
  @ApiPropertyOptional({ example: '2026-W47', description: "Default: each subscriber's last week" })
  @IsOptional()
  @IsIsoWeek()
  week?: string;

  @ApiPropertyOptional({
    example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b',
    description: 'Default: every subscriber',
  })
  @IsOptional()
  @IsUUID('all', { message: 'subscriberId must be a subscriber id (UUID)' })
  subscriberId?: string;
}

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ example: '2026-W47' })
  @IsOptional()
  @IsIsoWeek()
  week?: string;

  @ApiPropertyOptional({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' })
  @IsOptional()
  @IsUUID('all')
  subscriberId?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  @ApiPropertyOptional({ example: 100, default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
