import { ApiProperty } from '@nestjs/swagger';
import { MAX_BATCH_ITEMS } from '../../feedback/dto/batch-feedback.dto';

export const LIFECYCLE_EXAMPLE = {
  type: 'lifecycle',
  source: 'stripe',
  externalId: 'evt_1PqR2s',
  customer: { email: 'ana@example.com', segment: 'trail_club' },
  event: 'renewed',
  value: 59.9,
  currency: 'EUR',
  occurredAt: '2026-05-04T09:30:00Z',
};
export const REFERRAL_EXAMPLE = {
  type: 'referral',
  source: 'referral-program',
  externalId: 'ref_881',
  referrer: { externalId: 'cus_8412' },
  referred: { email: 'ben@example.com' },
  status: 'signed_up',
  occurredAt: '2026-05-06T14:00:00Z',
};
export const RETENTION_EXAMPLE = {
  type: 'retention',
  source: 'finance',
  periodStart: '2026-04-01',
  periodEnd: '2026-05-01',
  segment: 'enterprise',
  customersAtStart: 120,
  retained: 114,
  churned: 6,
};

/** OpenAPI of one outcome event: one schema per type, chosen by `type`. */
export function outcomeItemSchema(): Record<string, unknown> {
  return {
    type: 'object',
    description:
      'One outcome event. `type` = referral (referrer, referred, status invited|signed_up|converted), ' +
      'lifecycle (customer, event subscribed|renewed|purchased|downgraded|churned|reactivated, value?, currency?) ' +
      'or retention (periodStart, periodEnd, segment?, customersAtStart = retained + churned). ' +
      'Common: source, externalId?, occurredAt?, metadata?. People are customer references (externalId, email, phone).',
    required: ['type', 'source'],
    properties: { type: { type: 'string', enum: ['referral', 'lifecycle', 'retention'] } },
    additionalProperties: true,
    examples: [LIFECYCLE_EXAMPLE, REFERRAL_EXAMPLE, RETENTION_EXAMPLE],
    example: LIFECYCLE_EXAMPLE,
  };
}

export class BatchOutcomesDto {
  @ApiProperty({
    description: `1 to ${MAX_BATCH_ITEMS} outcome events of any type`,
    type: 'array',
    items: { type: 'object' },
    example: [LIFECYCLE_EXAMPLE, REFERRAL_EXAMPLE, RETENTION_EXAMPLE],
  })
  items: unknown[];
}
