import { ApiProperty } from '@nestjs/swagger';

/** One step of a customer's journey: a feedback item or an outcome event, on one timeline. */
export interface JourneyEntryDto {
  entry: 'feedback' | 'outcome';
  id: string;
  occurredAt: string;
  [field: string]: unknown;
}

export const JOURNEY_EXAMPLE = {
  customerId: '01938f6e-0000-7c3d-9e2f-0123456789ab',
  segment: 'trail_club',
  erased: false,
  channels: ['email', 'web'],
  counts: { feedback: 2, outcomes: 2 },
  timeline: [
    {
      entry: 'outcome',
      id: '01938f6e-7a1b-7c3d-9e2f-0123456789a1',
      occurredAt: '2026-01-05T09:00:00.000Z',
      type: 'lifecycle',
      event: 'subscribed',
      role: 'customer',
      value: 9.99,
      currency: 'GBP',
      flags: [],
    },
    {
      entry: 'feedback',
      id: '01938f6e-7a1b-7c3d-9e2f-0123456789a2',
      occurredAt: '2026-05-06T18:20:00.000Z',
      kind: 'review',
      channel: 'web',
      source: 'trustpilot',
      touchpoint: 'checkout',
      journeyStage: 'purchase',
      text: 'Payment failed three times at checkout.',
      scores: { rating: 0, npsScore: null, csat: null, ces: null },
      sentiment: { label: 'negative', score: -0.82 },
      signals: ['complaint'],
      topics: [{ key: 'payment', sentimentLabel: 'negative', sentimentScore: -0.8 }],
    },
    {
      entry: 'outcome',
      id: '01938f6e-7a1b-7c3d-9e2f-0123456789a3',
      occurredAt: '2026-05-20T10:00:00.000Z',
      type: 'lifecycle',
      event: 'churned',
      role: 'customer',
      value: null,
      currency: null,
      flags: [],
    },
  ],
};

export class CustomerJourneyDto {
  @ApiProperty() customerId: string;
  @ApiProperty({ nullable: true }) segment: string | null;
  @ApiProperty() erased: boolean;
  @ApiProperty({ type: [String], description: 'Channels of their feedback' }) channels: string[];
  @ApiProperty({ example: { feedback: 2, outcomes: 2 } }) counts: { feedback: number; outcomes: number };
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'Oldest first. Feedback: kind, channel, source, touchpoint, journeyStage, text (redacted), scores, sentiment, ' +
      'signals, topics (of its newest analysis; null sentiment until analysed). Outcomes: type, event or status, ' +
      'role (customer, referrer, referred), value, currency, flags.',
  })
  timeline: JourneyEntryDto[];
}
