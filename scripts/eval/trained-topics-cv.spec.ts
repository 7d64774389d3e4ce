import type { AirlineTweet } from './datasets/airline-dataset';
import { crossValidate } from './trained-topics-cv';

function tweet(id: number, text: string, reason: string | null): AirlineTweet {
  return {
    id: `t${id}`,
    text,
    sentiment: reason === null ? 'positive' : 'negative',
    negativeReason: reason,
    negativeReasonConfidence: reason === null ? null : 1,
  };
}

describe('crossValidate (trained topics)', () => {
  const templates: [string, string | null][] = [
    ['my bag never arrived at the carousel', 'Lost Luggage'],
    ['still waiting for my lost suitcase', 'Lost Luggage'],
    ['flight delayed three hours again', 'Late Flight'],
    ['we sat at the gate for hours, late departure', 'Late Flight'],
    ['nobody answers the phone, on hold forever', 'Customer Service Issue'],
    ['the agent hung up on me', 'Customer Service Issue'],
    ['thanks for a lovely trip', null],
  ];
  const rows = Array.from({ length: 70 }, (_, i) => {
    const [text, reason] = templates[i % templates.length];
    return tweet(i, `${text} ${['today', 'again', 'sigh', 'wow', 'ugh'][i % 5]}`, reason);
  });
  const classes = ['Customer Service Issue', 'Late Flight', 'Lost Luggage'];

  it('tests every training complaint once, and the non-complaints only when trained as "none"', () => {
    const row = crossValidate(rows, classes, {}, 5);
    expect(row.complaintsOnly.firstTopic.n).toBe(60);
    expect(row.withOthers.firstTopic.n).toBe(60);
    expect(row.complaintsOnly.nonComplaintsTagged).toBeUndefined();
    expect(row.withOthers.nonComplaintsTagged).toBeGreaterThanOrEqual(0);
    // Templates this plain are learned from four folds.
    expect(row.complaintsOnly.firstTopic.macroF1).toBeGreaterThan(0.9);
    expect(row.secondsPerFold).toBeGreaterThan(0);
    expect(row.perRepeat).toEqual([
      [row.complaintsOnly.firstTopic.macroF1, row.withOthers.firstTopic.macroF1],
    ]);
  });

  it('pools repeated runs dealt differently, and gives each repeat its own figures', () => {
    const row = crossValidate(rows, classes, {}, 5, 2);
    expect(row.complaintsOnly.firstTopic.n).toBe(120);
    expect(row.perRepeat).toHaveLength(2);
    const first = crossValidate(rows, classes, {}, 5, 1);
    expect(row.perRepeat[0]).toEqual(first.perRepeat[0]);
  });
});
