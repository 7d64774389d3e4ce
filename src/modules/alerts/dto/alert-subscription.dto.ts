import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
} from 'class-validator';
import { ANOMALY_KINDS } from '../../anomalies/anomaly-kinds';

export class CreateAlertSubscriptionDto {
  @ApiProperty({ example: 'CX on-call', description: 'A label to recognise it by' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({
    example: 'https://hooks.example.com/hearken',
    description: 'Receives POSTs (http or https)',
  })
  @IsString()
  @Length(1, 2048)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http(s) URL' },
  )
  url: string;

  @ApiProperty({ enum: ANOMALY_KINDS, isArray: true, example: ['volume_spike', 'negative_share_spike'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ANOMALY_KINDS, { each: true })
  kinds: string[];
}

export class UpdateAlertSubscriptionDto extends PartialType(CreateAlertSubscriptionDto) {
  @ApiPropertyOptional({ example: false, description: 'Paused subscriptions get nothing' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AlertSubscriptionDto {
  @ApiProperty({ example: '0190c6f2-5a3e-7c1d-9b2a-3f4e5d6c7b8a' }) id: string;
  @ApiProperty({ example: 'CX on-call' }) name: string;
  @ApiProperty({ example: 'https://hooks.example.com/hearken' }) url: string;
  @ApiProperty({ enum: ANOMALY_KINDS, isArray: true, example: ['negative_share_spike'] }) kinds: string[];
  @ApiProperty({ example: true }) active: boolean;
  @ApiProperty({ example: '2026-05-04T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-05-04T09:00:00.000Z' }) updatedAt: string;
}

export class CreatedAlertSubscriptionDto extends AlertSubscriptionDto {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description: 'Standard Webhooks signing secret: shown this once, store it now',
  })
  secret: string;
}

export class AlertDeliveryDto {
  @ApiProperty({
    example: 'msg_0190c6f2-5a3e-7c1d-9b2a-3f4e5d6c7b8a',
    description: 'Also the webhook-id header',
  })
  id: string;
  @ApiProperty({ example: 'anomaly.detected' }) eventType: string;
  @ApiPropertyOptional({ type: String, nullable: true }) anomalyId: string | null;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'], example: 'delivered' }) status: string;
  @ApiProperty({ example: 2 }) attempts: number;
  @ApiPropertyOptional({ type: 'integer', nullable: true, example: 200 }) lastStatusCode: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: null }) lastError: string | null;
  @ApiProperty({ example: '2026-05-04T09:00:00.000Z' }) createdAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) lastAttemptAt: string | null;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) deliveredAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The body sent' })
  payload: Record<string, unknown>;
}
