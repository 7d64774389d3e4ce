import { markNegation } from './negation';
import { normaliseToken } from './normalise-text';
import type { Token } from './token';
import { tokenize } from './tokenize-text';
import { EntryMemo, wordEntry, wordEntryAt } from './word-entry';

/** Texts built from pieces that exercise every tokenizer branch, deterministically. */
function sampleTexts(count: number): string[] {
  const pieces = [
    'not',
    'never',
    'no',
    'but',
    'and',
    'good',
    'GOOD',
    'xD',
    "don't",
    'Sooo',
    '10:30',
    ',',
    '.',
    '!!',
    '@united',
    '#fail',
    ':)',
    '😡',
    'without',
    'it',
    'was',
    'nice',
  ];
  let seed = 11;
  const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
  return Array.from({ length: count }, () =>
    Array.from(
      { length: 2 + Math.floor(next() * 10) },
      () => pieces[Math.floor(next() * pieces.length)],
    ).join(' '),
  );
}

describe('word entries', () => {
  it('return one entry per spelling, found again from inside any text', () => {
    const entry = wordEntry('Delayed');
    expect(entry.norm).toBe('delayed');
    expect(wordEntryAt('My flight Delayed again', 10, 17)).toBe(entry);
    expect(wordEntry('delayed')).not.toBe(entry);
    expect(wordEntry('LATE').shouted).toBe(true);
    expect(wordEntry("Don't").negator).toBe(true);
    expect(wordEntry('xD').emoticon).toBe(true);
  });

  it('tell apart spellings that share a prefix, a length or the table, also once it has grown', () => {
    const words = Array.from({ length: 40_000 }, (_, i) => `q${i.toString(36)}z`);
    const entries = words.map((w) => wordEntry(w));
    expect(new Set(entries).size).toBe(words.length);
    words.forEach((w, i) => expect(wordEntryAt(`, ${w} `, 2, 2 + w.length)).toBe(entries[i]));
    expect(wordEntryAt('qaz', 0, 2).raw).toBe('qa');
    expect(wordEntry('qazz')).not.toBe(wordEntry('qaz'));
  });

  it('give tokens the same norm, capitals and negation as the plain rules', () => {
    for (const text of sampleTexts(500)) {
      const tokens = tokenize(text);
      const reread: Token[] = tokens.map((t) => ({ ...t, negated: false }));
      markNegation(reread);
      expect(tokens.map((t) => t.negated)).toEqual(reread.map((t) => t.negated));
      for (const t of tokens)
        if (t.kind !== 'emoji' && t.kind !== 'emoticon') expect(t.norm).toBe(normaliseToken(t.raw));
    }
  });

  it('memoise a later stage’s fact once per entry', () => {
    let calls = 0;
    const memo = new EntryMemo((norm) => {
      calls++;
      return norm.length;
    });
    const entry = wordEntry('Refund');
    expect(memo.of(entry)).toBe(6);
    expect(memo.of(entry)).toBe(6);
    expect(calls).toBe(1);
  });

  it('start afresh when full, retiring old entries without mixing up their facts', () => {
    const memo = new EntryMemo((norm) => `fact of ${norm}`);
    const old = wordEntry('Luggage');
    expect(memo.of(old)).toBe('fact of luggage');
    for (let i = 0; i <= 200_000; i++) wordEntry(`w${i}x`);
    expect(old.id).toBe(-1);
    expect(memo.of(old)).toBe('fact of luggage');
    const fresh = wordEntry('Luggage');
    expect(fresh).not.toBe(old);
    expect(fresh.id).toBeGreaterThanOrEqual(0);
    expect(memo.of(fresh)).toBe('fact of luggage');
    expect(memo.of(wordEntry('w200000x'))).toBe('fact of w200000x');
  });
});
