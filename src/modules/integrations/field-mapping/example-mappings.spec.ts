import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateFeedbackInput } from '../../feedback/validation/validate-feedback-input';
import { applyFieldMapping, selectItems } from './apply-field-mapping';
import {
  INTEGRATION_MAPPING_EXAMPLES,
  TRUSTPILOT_REVIEW_EXAMPLE,
  TYPEFORM_NPS_EXAMPLE,
} from './example-mappings';
import { validateFieldMapping } from './validate-field-mapping';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/integrations', name), 'utf8'));
const now = Date.UTC(2026, 3, 1);

describe('example integration mappings', () => {
  it.each(INTEGRATION_MAPPING_EXAMPLES.map((example) => [example.name, example] as const))(
    '%s is a valid mapping',
    (_name, example) => expect(validateFieldMapping(example.mapping, example.constants)).toEqual([]),
  );

  it('turns a Typeform form_response into a valid survey_response', () => {
    const [item] = selectItems(fixture('typeform-form-response.json'), TYPEFORM_NPS_EXAMPLE.itemsPath);
    const raw = applyFieldMapping(item, TYPEFORM_NPS_EXAMPLE.mapping, TYPEFORM_NPS_EXAMPLE.constants);
    const result = validateFeedbackInput(raw, { now });
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'survey_response',
        source: 'typeform',
        channel: 'email',
        journeyStage: 'usage',
        externalId: 'a3a12ec67a1365927098a606107fac15',
        surveyId: 'lT4Z3j',
        occurredAt: new Date('2026-03-18T09:14:02Z'),
        npsScore: 3,
        text: 'Payment failed twice at checkout and I was charged anyway. Support took days to answer.',
        question: 'How likely are you to recommend Northwind to a friend or colleague?',
        touchpoint: 'checkout',
        customer: { email: 'maria.santos@example.com', externalId: 'cus_20931', segment: 'smb' },
        metadata: { typeformEventId: '01HZX3K5R7Q8PV9N2YB4T6WJ3M' },
      },
    });
  });

  it('turns each event of a Trustpilot delivery into a valid review', () => {
    const items = selectItems(
      fixture('trustpilot-service-review-created.json'),
      TRUSTPILOT_REVIEW_EXAMPLE.itemsPath,
    );
    const results = items.map((item) =>
      validateFeedbackInput(
        applyFieldMapping(item, TRUSTPILOT_REVIEW_EXAMPLE.mapping, TRUSTPILOT_REVIEW_EXAMPLE.constants),
        {
          now,
        },
      ),
    );
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    expect(results[0].ok && results[0].value).toEqual({
      kind: 'review',
      source: 'trustpilot',
      channel: 'web',
      journeyStage: 'usage',
      externalId: '6601c0e5a1b2c3d4e5f60718',
      rating: 3,
      scale: 5,
      title: 'Great shoes, slow refund',
      text: 'The trail runners are excellent, but my refund for the second pair took three weeks.',
      language: 'en',
      occurredAt: new Date('2026-03-20T16:41:09.000Z'),
      customer: { externalId: '5f1e2d3c4b5a697887766554' },
      metadata: {
        orderReference: 'NW-2026-118204',
        trustpilotLink: 'https://api.trustpilot.com/v1/reviews/6601c0e5a1b2c3d4e5f60718',
      },
    });
    expect(results[1].ok && results[1].value.kind === 'review' && results[1].value.rating).toBe(5);
  });
});
