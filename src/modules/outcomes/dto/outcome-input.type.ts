import type { CustomerRefInput } from '../../feedback/dto/feedback-input.type';
import type { LifecycleEvent, ReferralStatus } from './outcome-enums';

/**
 * A validated, normalised outcome event: what every entry point (REST, webhooks, import) hands to
 * the ingestion service. `occurredAt` defaults to now; strings are trimmed, `source` lower-cased.
 */
interface OutcomeInputBase {
  source: string;
  externalId?: string;
  occurredAt: Date;
  metadata?: Record<string, unknown>;
}

export interface ReferralInput extends OutcomeInputBase {
  type: 'referral';
  /** The customer who referred. */
  referrer: CustomerRefInput;
  /** The person referred: a customer, or a contact who becomes one (identities are hashed as always). */
  referred: CustomerRefInput;
  status: ReferralStatus;
}

export interface LifecycleInput extends OutcomeInputBase {
  type: 'lifecycle';
  customer: CustomerRefInput;
  event: LifecycleEvent;
  value?: number;
  currency?: string;
}

/** Aggregates for companies without per-customer events: one period and segment. */
export interface RetentionInput extends OutcomeInputBase {
  type: 'retention';
  periodStart: Date;
  periodEnd: Date;
  segment?: string;
  customersAtStart: number;
  retained: number;
  churned: number;
}

export type OutcomeInput = ReferralInput | LifecycleInput | RetentionInput;
