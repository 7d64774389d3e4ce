import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { OUTCOME_TYPES } from './outcome-enums';
import type { OutcomeEntity } from '../entities/outcome.entity';

/** An outcome event as the API shows it: only the fields of its type. */
export class OutcomeResponseDto {
  @ApiProperty({ example: '01938f6e-7a1b-7c3d-9e2f-0123456789ab' }) id: string;
  @ApiProperty({ enum: OUTCOME_TYPES, example: 'lifecycle' }) type: string;
  @ApiProperty({ example: 'stripe' }) source: string;
  @ApiProperty({ example: 'evt_1PqR2s', description: 'The sender id, or `h:…` derived from the content' })
  externalId: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Lifecycle: the customer; referral: the referrer',
  })
  customerId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Referral: the referred customer' })
  referredCustomerId?: string | null;
  @ApiPropertyOptional({ example: 'churned' }) event?: string;
  @ApiPropertyOptional({ example: 'converted' }) status?: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'trail_club' }) segment?: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 59.9 }) value?: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'EUR' }) currency?: string | null;
  @ApiPropertyOptional() periodStart?: string;
  @ApiPropertyOptional() periodEnd?: string;
  @ApiPropertyOptional() customersAtStart?: number;
  @ApiPropertyOptional() retained?: number;
  @ApiPropertyOptional() churned?: number;
  @ApiProperty({
    type: [String],
    example: [],
    description: 'Accepted but worth a look: churn_without_subscription',
  })
  flags: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) metadata?: Record<string, unknown>;
  @ApiProperty({ example: '2026-05-04T09:30:00.000Z' }) occurredAt: string;
  @ApiProperty() receivedAt: string;
}

export class OutcomePageDto {
  @ApiProperty({ type: [OutcomeResponseDto] }) items: OutcomeResponseDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as cursor for the next page' })
  nextCursor: string | null;
}

export function toOutcomeResponse(row: OutcomeEntity): OutcomeResponseDto {
  const out: OutcomeResponseDto = {
    id: row.id,
    type: row.type,
    source: row.source,
    externalId: row.externalId,
    flags: row.flags ? row.flags.split(',') : [],
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
  };
  if (row.type === 'referral') {
    Object.assign(out, { customerId: row.customerId, referredCustomerId: row.relatedCustomerId });
    Object.assign(out, { status: row.event, segment: row.segment });
  } else if (row.type === 'lifecycle') {
    Object.assign(out, { customerId: row.customerId, event: row.event, segment: row.segment });
    Object.assign(out, { value: row.value, currency: row.currency });
  } else {
    Object.assign(out, {
      segment: row.segment,
      periodStart: row.periodStart?.toISOString(),
      periodEnd: row.periodEnd?.toISOString(),
      customersAtStart: row.customersAtStart,
      retained: row.retained,
      churned: row.churned,
    });
  }
  if (row.metadata) out.metadata = row.metadata;
  return out;
}
