import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_STATUSES, DigestDeliveryEntity } from '../entities/digest-delivery.entity';

export class SendDigestResponseDto {
  @ApiProperty({
    example: '2026-W47',
    type: String,
    nullable: true,
    description: "null: each subscriber's own last week",
  })
  week: string | null;

  @ApiProperty({ example: 12, description: 'Deliveries claimed and queued by this call' })
  queued: number;

  @ApiProperty({
    example: 0,
    description: 'Subscribers whose week was already claimed (sent, sending or failed)',
  })
  alreadyClaimed: number;
}

export class DigestDeliveryResponseDto {
  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5c' })
  id: string;

  @ApiProperty({ example: '0193a1b2-7c3d-7e4f-8a9b-0c1d2e3f4a5b' })
  subscriberId: string;

  @ApiProperty({ example: '2026-W47' })
  week: string;

  @ApiProperty({ enum: DELIVERY_STATUSES, example: 'sent' })
  status: string;

  @ApiProperty({ enum: ['schedule', 'manual'], example: 'schedule' })
  triggeredBy: string;

  @ApiProperty({ example: 1 })
  attempts: number;

  @ApiProperty({
    example: null,
    type: String,
    nullable: true,
    description: 'Why the last try failed (addresses removed)',
  })
  lastError: string | null;

  @ApiProperty({ example: '2026-11-23T08:00:04.000Z', type: String, format: 'date-time', nullable: true })
  sentAt: string | null;

  @ApiProperty({ example: '2026-11-23T08:00:00.120Z' })
  createdAt: string;
}

export function toDeliveryResponse(d: DigestDeliveryEntity): DigestDeliveryResponseDto {
  return {
    id: d.id,
    subscriberId: d.subscriberId,
    week: d.isoWeek,
    status: d.status,
    triggeredBy: d.triggeredBy,
    attempts: d.attempts,
    lastError: d.lastError,
    sentAt: d.sentAt ? d.sentAt.toISOString() : null,
    createdAt: d.createdAt.toISOString(),
  };
}
