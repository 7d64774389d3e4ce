import 'reflect-metadata';
import { FEEDBACK_VALIDATION_CASES, rejectedFields } from './feedback-validation.cases';
import { validateFeedbackDto } from './validate-feedback-dto';
import { validateFeedbackInput } from './validate-feedback-input';

/** The decorated DTOs document the API; the fast validator enforces it. They must agree. */
describe('DTOs (class-validator) and validateFeedbackInput agree', () => {
  it.each(FEEDBACK_VALIDATION_CASES.map((c) => [c.name, c] as const))('%s', async (_name, testCase) => {
    const slow = await validateFeedbackDto(testCase.raw);
    const fast = validateFeedbackInput(testCase.raw);
    expect(slow.ok).toBe(fast.ok);
    expect(slow.ok).toBe(testCase.rejects.length === 0);
    if (!slow.ok && !fast.ok) {
      expect(rejectedFields(slow.errors, testCase.rejects)).toEqual(
        rejectedFields(fast.errors, testCase.rejects),
      );
    }
  });

  it('class-validator path normalises like the fast path', async () => {
    const raw = {
      kind: 'review',
      source: ' G2 ',
      text: ' fine ',
      rating: 4,
      externalId: 77,
      customer: { email: 'A@B.IO' },
    };
    const slow = await validateFeedbackDto(raw);
    const fast = validateFeedbackInput(raw);
    expect(slow.ok && fast.ok).toBe(true);
    if (!slow.ok || !fast.ok) return;
    expect(slow.value).toMatchObject({
      source: 'g2',
      text: 'fine',
      externalId: '77',
      customer: { email: 'a@b.io' },
    });
    expect(fast.value).toMatchObject({
      source: 'g2',
      text: 'fine',
      externalId: '77',
      customer: { email: 'a@b.io' },
    });
  });
});
