import type { IntegrationMappingExample } from './field-mapping.type';

/**
 * Stripe-style subscription events → lifecycle outcomes (integration kind `outcome`). Stripe's event types
 * map onto Hearken's lifecycle events; the amount arrives in cents, so only the currency is mapped and the
 * value comes from a metadata field the sender fills in major units.
 */
export const STRIPE_LIFECYCLE_EXAMPLE: IntegrationMappingExample = {
  name: 'Stripe subscriptions',
  constants: { type: 'lifecycle' },
  mapping: {
    externalId: '$.id',
    event: {
      path: '$.type',
      map: {
        'customer.subscription.created': 'subscribed',
        'customer.subscription.deleted': 'churned',
        'invoice.paid': 'renewed',
        'customer.subscription.resumed': 'reactivated',
      },
    },
    'customer.externalId': '$.data.object.customer',
    'customer.email': '$.data.object.customer_email',
    value: '$.data.object.metadata.amount_major',
    currency: { path: '$.data.object.metadata.currency' },
    occurredAt: '$.data.object.created_at',
  },
};
