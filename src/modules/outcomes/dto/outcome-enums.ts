/** Closed vocabularies of outcome events: const arrays for runtime checks, types for the compiler. */

export const OUTCOME_TYPES = ['referral', 'lifecycle', 'retention'] as const;
export type OutcomeType = (typeof OUTCOME_TYPES)[number];

export const REFERRAL_STATUSES = ['invited', 'signed_up', 'converted'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const LIFECYCLE_EVENTS = [
  'subscribed',
  'renewed',
  'purchased',
  'downgraded',
  'churned',
  'reactivated',
] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

/** Events that show the customer held a subscription before a churn. */
export const SUBSCRIPTION_EVENTS: ReadonlySet<string> = new Set([
  'subscribed',
  'renewed',
  'downgraded',
  'reactivated',
]);

/** Accepted but worth a look; stored on the event, never a reason to drop it. */
export const OUTCOME_FLAGS = ['churn_without_subscription'] as const;
export type OutcomeFlag = (typeof OUTCOME_FLAGS)[number];

export const OUTCOME_LIMITS = {
  maxValue: 1e12,
  maxRetentionCustomers: 1e9,
} as const;

/** ISO 4217 shape; the list of live codes changes, so only the shape is checked. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;
