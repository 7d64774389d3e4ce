/** A change is called significant below this p-value, and only when neither week's sample is small. */
export const SIGNIFICANCE = 0.05;

export type ChangeVerdict = 'significant' | 'within_normal_variation' | 'small_sample' | 'untested';

/**
 * What the email may say of a week-over-week change. A p-value under SIGNIFICANCE on a small sample (this week's
 * or the week before's) is not called either way: "within normal variation" next to p = 0.002 reads as a
 * contradiction, and "significant" would over-claim. Without a p-value (no week before) nothing is claimed.
 */
export function changeVerdict(change: {
  pValue: number | null;
  lowSample: boolean;
  previousLowSample: boolean;
}): ChangeVerdict {
  if (change.pValue === null) return 'untested';
  if (change.pValue >= SIGNIFICANCE) return 'within_normal_variation';
  return change.lowSample || change.previousLowSample ? 'small_sample' : 'significant';
}

export const VERDICT_WORDS: Record<ChangeVerdict, string> = {
  significant: 'a significant change',
  within_normal_variation: 'within normal variation',
  small_sample: 'not judged: a small sample',
  untested: 'no week before to compare with',
};
