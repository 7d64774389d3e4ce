import { decodeVerbatimCursor, encodeVerbatimCursor, queryFingerprint } from './verbatim-cursor';
import { VerbatimCursorException } from './verbatims.exception';

describe('verbatim cursor', () => {
  const query = { q: 'checkout', channel: 'web', sort: 'recency', limit: 10 };
  const fp = queryFingerprint(query);

  it('round-trips a position for the same query, whatever the page size', () => {
    expect(fp).toBe(queryFingerprint({ ...query, limit: 50, cursor: 'x' }));
    const position = { occurredAt: 1_700_000_000_000, id: '0190c6f2-0000-7000-8000-000000000001' };
    expect(decodeVerbatimCursor(encodeVerbatimCursor(fp, position), fp)).toEqual(position);
    expect(decodeVerbatimCursor(encodeVerbatimCursor(fp, { offset: 20 }), fp)).toEqual({ offset: 20 });
    for (const bounded of [true, false])
      expect(decodeVerbatimCursor(encodeVerbatimCursor(fp, { offset: 20, bounded }), fp)).toEqual({
        offset: 20,
        bounded,
      });
  });

  it('refuses a cursor of another query, and garbage', () => {
    const other = queryFingerprint({ ...query, channel: 'email' });
    expect(other).not.toBe(fp);
    expect(() => decodeVerbatimCursor(encodeVerbatimCursor(other, { offset: 10 }), fp)).toThrow(
      'belongs to another query',
    );
    for (const bad of ['%%%', 'bnVsbA', encodeVerbatimCursor(fp, { offset: -1 })])
      expect(() => decodeVerbatimCursor(bad, fp)).toThrow(VerbatimCursorException);
  });
});
