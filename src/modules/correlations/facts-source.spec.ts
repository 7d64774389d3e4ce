import { factsSourceFor, readsRangeFirst } from './customer-facts.repository';

describe('factsSourceFor', () => {
  const day = 86_400_000;
  const to = new Date(Date.UTC(2026, 9, 12));
  it('reads a week or a month from the raw rows, a quarter or an open range from the copies', () => {
    expect(factsSourceFor({ from: new Date(to.getTime() - 7 * day), to })).toBe('raw');
    expect(factsSourceFor({ from: new Date(to.getTime() - 31 * day), to })).toBe('raw');
    expect(factsSourceFor({ from: new Date(to.getTime() - 32 * day), to })).toBe('copies');
    expect(factsSourceFor({ from: new Date(to.getTime() - 91 * day), to, segment: 'smb' })).toBe('copies');
    expect(factsSourceFor({ to })).toBe('copies');
    expect(factsSourceFor({})).toBe('copies');
  });
});

describe('readsRangeFirst', () => {
  const day = 86_400_000;
  const to = new Date(Date.UTC(2026, 9, 12));
  it('reads NPS answers by time for a bounded range of up to 92 days, per customer otherwise', () => {
    expect(readsRangeFirst({ from: new Date(to.getTime() - 7 * day), to })).toBe(true);
    expect(readsRangeFirst({ from: new Date(to.getTime() - 92 * day), to })).toBe(true);
    expect(readsRangeFirst({ from: new Date(to.getTime() - 93 * day), to })).toBe(false);
    expect(readsRangeFirst({ from: new Date(to.getTime() - 365 * day), to, segment: 'smb' })).toBe(false);
    expect(readsRangeFirst({ to })).toBe(false);
    expect(readsRangeFirst({ from: to })).toBe(false);
    expect(readsRangeFirst({})).toBe(false);
  });
});
