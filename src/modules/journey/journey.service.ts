import { Injectable } from '@nestjs/common';
import { CustomersService } from '../customers/customers.service';
import { FeedbackEntity } from '../feedback/entities/feedback.entity';
import { FeedbackService } from '../feedback/feedback.service';
import { OutcomeEntity } from '../outcomes/entities/outcome.entity';
import { OutcomesService } from '../outcomes/outcomes.service';
import { ItemAnalysis, JourneyAnalysisRepository } from './journey-analysis.repository';
import { CustomerJourneyDto, JourneyEntryDto } from './journey.dto';

/** Per kind of entry: the newest this many, so one answer stays bounded. */
export const JOURNEY_LIMIT = 500;

/** A customer's feedback from every channel and their outcome events, merged into one timeline. */
@Injectable()
export class JourneyService {
  constructor(
    private readonly customers: CustomersService,
    private readonly feedback: FeedbackService,
    private readonly outcomes: OutcomesService,
    private readonly analyses: JourneyAnalysisRepository,
  ) {}

  async journey(customerId: string): Promise<CustomerJourneyDto> {
    const customer = await this.customers.get(customerId);
    const [items, events] = await Promise.all([
      this.feedback.forCustomer(customerId, JOURNEY_LIMIT),
      this.outcomes.forCustomer(customerId, JOURNEY_LIMIT),
    ]);
    const analyses = await this.analyses.forFeedback(items.map((f) => f.id));
    const timeline = [
      ...items.map((f) => feedbackEntry(f, analyses.get(f.id))),
      ...events.map((o) => outcomeEntry(o, customerId)),
    ].sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id.localeCompare(b.id));
    return {
      customerId: customer.id,
      segment: customer.segment,
      erased: customer.erasedAt !== null,
      channels: [...new Set(items.map((f) => f.channel))].sort(),
      counts: { feedback: items.length, outcomes: events.length },
      timeline,
    };
  }
}

function feedbackEntry(f: FeedbackEntity, analysis: ItemAnalysis | undefined): JourneyEntryDto {
  return {
    entry: 'feedback',
    id: f.id,
    occurredAt: f.occurredAt.toISOString(),
    kind: f.kind,
    channel: f.channel,
    source: f.source,
    touchpoint: f.touchpoint,
    journeyStage: f.journeyStage,
    text: f.text,
    scores: { rating: f.rating, npsScore: f.npsScore, csat: f.csat, ces: f.ces },
    analysisStatus: f.analysisStatus,
    sentiment: analysis?.sentiment ?? null,
    signals: analysis?.signals ?? [],
    topics: analysis?.topics ?? [],
  };
}

function outcomeEntry(o: OutcomeEntity, customerId: string): JourneyEntryDto {
  return {
    entry: 'outcome',
    id: o.id,
    occurredAt: o.occurredAt.toISOString(),
    type: o.type,
    [o.type === 'referral' ? 'status' : 'event']: o.event,
    role: o.type === 'referral' ? (o.customerId === customerId ? 'referrer' : 'referred') : 'customer',
    source: o.source,
    value: o.value,
    currency: o.currency,
    flags: o.flags ? o.flags.split(',') : [],
  };
}
