import type { IntegrationMappingExample } from './field-mapping.type';

/**
 * Worked examples for two real-world webhook shapes (fixtures in test/fixtures/integrations/).
 * Docs and e2e tests import these, so they are kept valid by example-mappings.spec.ts.
 */

/** Typeform `form_response`: an NPS question (ref `nps`), its follow-up (ref `nps_reason`), hidden fields. */
export const TYPEFORM_NPS_EXAMPLE: IntegrationMappingExample = {
  name: 'typeform-nps',
  constants: { kind: 'survey_response', source: 'typeform', channel: 'email', journeyStage: 'usage' },
  mapping: {
    externalId: '$.form_response.token',
    surveyId: '$.form_response.form_id',
    occurredAt: '$.form_response.submitted_at',
    npsScore: "$.form_response.answers[?(@.field.ref=='nps')].number",
    text: "$.form_response.answers[?(@.field.ref=='nps_reason')].text",
    question: "$.form_response.definition.fields[?(@.ref=='nps')].title",
    touchpoint: { path: '$.form_response.hidden.touchpoint', default: 'post-purchase' },
    'customer.email': '$.form_response.hidden.email',
    'customer.externalId': '$.form_response.hidden.customer_id',
    'customer.segment': {
      path: '$.form_response.hidden.plan',
      map: { free: 'self-serve', pro: 'smb', enterprise: 'enterprise' },
    },
    'metadata.typeformEventId': '$.event_id',
  },
};

/** Trustpilot `service-review-created`: one delivery may batch several events; each maps to a review. */
export const TRUSTPILOT_REVIEW_EXAMPLE: IntegrationMappingExample = {
  name: 'trustpilot-service-review',
  itemsPath: '$.events',
  constants: { kind: 'review', source: 'trustpilot', channel: 'web', scale: 5, journeyStage: 'usage' },
  mapping: {
    externalId: '$.eventData.id',
    rating: '$.eventData.stars',
    title: '$.eventData.title',
    text: '$.eventData.text',
    language: '$.eventData.language',
    occurredAt: '$.eventData.createdAt',
    // Trustpilot leaves the consumer's email out of webhooks; its consumer id is the stable identity.
    'customer.externalId': '$.eventData.consumer.id',
    'metadata.orderReference': '$.eventData.referenceId',
    'metadata.trustpilotLink': '$.eventData.link',
  },
};

export const INTEGRATION_MAPPING_EXAMPLES = [TYPEFORM_NPS_EXAMPLE, TRUSTPILOT_REVIEW_EXAMPLE];
