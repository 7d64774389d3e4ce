import type { DemoFeedbackItem, DemoObserver } from './generate-demo-feedback';
import type { Polarity } from './demo-texts';

/**
 * What the demo's outcomes depend on, gathered while the feedback streams past: a few bytes per
 * customer, so a million customers still fit. Only feedback that names the customer counts (an
 * anonymous review or a social post cannot be tied to anyone's churn in the stored data either).
 */
export class DemoCustomerFacts {
  /** First week with negative checkout feedback; 0 when none. */
  readonly negativeCheckoutWeek: Int16Array;
  /** The customer's latest NPS answer; -1 when none. */
  readonly lastNps: Int8Array;
  readonly lastNpsWeek: Int16Array;

  constructor(readonly customers: number) {
    this.negativeCheckoutWeek = new Int16Array(customers);
    this.lastNps = new Int8Array(customers).fill(-1);
    this.lastNpsWeek = new Int16Array(customers);
  }

  readonly observe: DemoObserver = (index, item, polarity, week) => this.add(index, item, polarity, week);

  isPromoter(index: number): boolean {
    return this.lastNps[index] >= 9;
  }

  private add(index: number, item: DemoFeedbackItem, polarity: Polarity, week: number): void {
    const customer = item.customer as { email?: string; externalId?: string; phone?: string } | undefined;
    if (!customer?.email && !customer?.externalId && !customer?.phone) return;
    if (item.touchpoint === 'checkout' && polarity === 'negative' && this.negativeCheckoutWeek[index] === 0)
      this.negativeCheckoutWeek[index] = week;
    if (typeof item.npsScore === 'number') {
      this.lastNps[index] = item.npsScore;
      this.lastNpsWeek[index] = week;
    }
  }
}
