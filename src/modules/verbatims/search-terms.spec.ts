import {
  findHighlights,
  markHighlights,
  occurrences,
  parseSearch,
  toFts5Query,
  toMysqlBooleanQuery,
} from './search-terms';

describe('search terms', () => {
  it('parses words, phrases and prefixes, dropping operator characters', () => {
    const terms = parseSearch('Checkout "card declined" refund* -OR NEAR(x) "');
    expect(terms).toEqual([
      { words: ['checkout'], prefix: false },
      { words: ['card', 'declined'], prefix: false },
      { words: ['refund'], prefix: true },
      { words: ['or'], prefix: false },
      { words: ['near'], prefix: false },
      { words: ['x'], prefix: false },
    ]);
  });

  it('writes the same terms for FTS5 and MySQL boolean mode', () => {
    const terms = parseSearch('Pay* "card declined"');
    expect(toFts5Query(terms)).toBe('"pay"* "card declined"');
    expect(toMysqlBooleanQuery(terms)).toBe('+pay* +"card declined"');
  });

  it('folds case and accents', () => {
    expect(parseSearch('Café')).toEqual([{ words: ['cafe'], prefix: false }]);
  });

  it('highlights whole words and prefixes, not substrings', () => {
    const text = 'Payment failed at checkout; the CHECKOUT page and paypal, not checkouts.';
    const h = findHighlights(text, parseSearch('checkout pay*'));
    expect(h.map((r) => text.slice(r.start, r.end))).toEqual(['Payment', 'checkout', 'CHECKOUT', 'paypal']);
  });

  it('marks highlights in escaped HTML', () => {
    const text = '<b>Checkout</b> & more';
    expect(markHighlights(text, findHighlights(text, parseSearch('checkout')))).toBe(
      '&lt;b&gt;<mark>Checkout</mark>&lt;/b&gt; &amp; more',
    );
  });

  it('counts occurrences of every term, phrases in order, prefixes, accents and case folded; 0 when one is missing', () => {
    const text = 'Refund? The REFUND was late; card declined, then card  Declined again. Refünds pending.';
    expect(occurrences(text, parseSearch('refund'))).toBe(2);
    expect(occurrences(text, parseSearch('refund*'))).toBe(3);
    expect(occurrences(text, parseSearch('"card declined" refund'))).toBe(4);
    expect(occurrences(text, parseSearch('"declined card"'))).toBe(0);
    expect(occurrences(text, parseSearch('refund missing'))).toBe(0);
    expect(occurrences('refunded', parseSearch('refund'))).toBe(0);
  });
});
