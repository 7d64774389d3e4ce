import { changeVerdict } from './change-verdict';

describe('changeVerdict: what the digest may say of a change', () => {
  const base = { lowSample: false, previousLowSample: false };

  it('calls a change significant below p = 0.05 on full samples, and normal at or above it', () => {
    expect(changeVerdict({ ...base, pValue: 0.0058 })).toBe('significant');
    expect(changeVerdict({ ...base, pValue: 0.05 })).toBe('within_normal_variation');
    expect(changeVerdict({ ...base, pValue: 0.76 })).toBe('within_normal_variation');
  });

  it('does not judge a small p-value when either week has a small sample', () => {
    expect(changeVerdict({ ...base, pValue: 0.002, lowSample: true })).toBe('small_sample');
    expect(changeVerdict({ ...base, pValue: 0.02, previousLowSample: true })).toBe('small_sample');
    // A large p-value stays "within normal variation" whatever the sample: there is nothing to over-claim.
    expect(changeVerdict({ ...base, pValue: 0.4, lowSample: true })).toBe('within_normal_variation');
  });

  it('claims nothing without a p-value', () => {
    expect(changeVerdict({ ...base, pValue: null })).toBe('untested');
  });
});
