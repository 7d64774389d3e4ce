import { findEmergingThemes, ThemeText } from './emerging-themes';
import { binomialUpperTail, compareRates, falseDiscoveryCutoff } from './theme-significance';

/** A small deterministic generator of everyday shop feedback: many customers, products, hashtags and numbers. */
function generate(count: number, seed: number, prefix: string): ThemeText[] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const products = ['Ridge trail runners', 'Cascade rain jacket', 'trekking poles', 'Lumen headlamp'];
  const templates = [
    'Delivery took {n} days, fine.',
    'The {p} fits well and feels solid.',
    'Friendly staff on the phone, sorted quickly.',
    'Five stars, my {p} arrived on time.',
    'Returned the {p}, refund came in {n} days.',
    'Prices went up a bit but still fair.',
    'The app is easy to use.',
    'Love my new {p} #gear',
  ];
  return Array.from({ length: count }, (_, i) => {
    const product = pick(products);
    const text = pick(templates)
      .replace('{p}', product)
      .replace('{n}', String(2 + Math.floor(next() * 9)));
    return { id: `${prefix}-${i}`, text, customerId: `c${Math.floor(next() * 500)}`, product };
  });
}

const spike = (count: number, text: (i: number) => string, customer = (i: number) => `s${i}`) =>
  Array.from({ length: count }, (_, i) => ({ id: `spike-${i}`, text: text(i), customerId: customer(i) }));

describe('findEmergingThemes', () => {
  const baseline = generate(800, 7, 'b');
  const everyday = generate(200, 11, 'r');

  it('finds a spike planted in generated data, first, with its counts, lift, p-value and example ids', () => {
    const planted = spike(
      15,
      (i) => `Checkout ${i % 2 ? 'rejects' : 'rejected'} my discount code, then the page froze.`,
    );
    const themes = findEmergingThemes([...everyday, ...planted], baseline);
    expect(themes.length).toBeGreaterThan(0);
    const [first] = themes;
    expect(first.recentCount).toBe(15);
    expect(first.baselineCount).toBe(0);
    expect(first.recentCustomers).toBe(15);
    expect(first.pValue).toBeLessThan(1e-6);
    expect(first.lift).toBeGreaterThan(10);
    expect(first.liftLowerBound).toBeLessThan(first.lift);
    expect(first.exampleIds.every((id) => id.startsWith('spike-'))).toBe(true);
    expect(first.examples[0]).toMatch(/discount code/);
    expect(first.phrase).toMatch(/checkout|discount|code|page froze/);
  });

  it('says nothing of everyday feedback: no theme when nothing changed', () => {
    expect(findEmergingThemes(generate(200, 99, 'q'), baseline)).toEqual([]);
  });

  it('skips hashtags, numbers, product and brand names even when they rise', () => {
    const rising = spike(
      40,
      (i) => `Five stars for the Lumen headlamp from Northwind ${i % 3 ? '#gear' : '#hiking'} 4 times`,
    );
    const themes = findEmergingThemes([...everyday, ...rising], baseline, { minRecentCount: 2 });
    const phrases = themes.map((t) => t.phrase).join(' | ');
    expect(phrases).toMatch(/stars|times/);
    expect(phrases).not.toMatch(/#|five|lumen|headlamp|northwind|\d/);
  });

  it('needs several customers: one customer writing the same thing many times is no theme', () => {
    const oneVoice = spike(
      12,
      () => 'The zipper snapped on day one.',
      () => 'same-customer',
    );
    const themes = findEmergingThemes([...everyday, ...oneVoice], baseline);
    expect(themes.filter((t) => /zipper|snap/.test(t.phrase))).toEqual([]);
    const manyVoices = spike(12, () => 'The zipper snapped on day one.');
    const found = findEmergingThemes([...everyday, ...manyVoices], baseline);
    expect(found[0]?.phrase).toMatch(/zipper|snapped/);
  });

  it('needs significance: a handful of texts against a tiny baseline is not enough', () => {
    const recent = ['lost luggage again', 'my lost luggage', 'lost luggage!!', 'lost luggage twice'];
    expect(findEmergingThemes(recent, ['fine flight'])).toEqual([]);
    expect(findEmergingThemes(recent, [])).toEqual([]);
  });

  it('reads covered texts too and says which topics cover a theme', () => {
    const covered = spike(10, () => 'Payment failed at checkout again.').map((t) => ({
      ...t,
      topics: ['payment', 'ordering'],
    }));
    const [first] = findEmergingThemes([...everyday, ...covered], baseline);
    expect(first.exampleIds[0]).toMatch(/^spike-/);
    expect(first.coveredShare).toBe(1);
    expect(first.coveredBy.map((c) => c.key)).toEqual(['ordering', 'payment']);
  });

  it('names phrases of the same texts once, by the longest, and groups inflections', () => {
    const planted = spike(
      12,
      (i) => `Saw your ad for the ${['poles', 'jacket', 'tent'][i % 3]}, exactly what I was looking for.`,
    );
    const keys = findEmergingThemes([...everyday, ...planted], baseline).map((t) => t.key);
    expect(keys).toContain('saw your ad');
    expect(keys).not.toContain('exactli');
    expect(keys).not.toContain('look');
    const crashes = spike(12, (i) => ['The app crashed.', 'App crashes daily.', 'It keeps crashing.'][i % 3]);
    const crash = findEmergingThemes([...everyday, ...crashes], baseline).find((t) => t.key === 'crash');
    expect(crash?.recentCount).toBe(12);
  });

  it('is pure', () => {
    const recent = [...everyday, ...spike(9, () => 'Coupon code rejected')];
    expect(findEmergingThemes(recent, baseline)).toEqual(findEmergingThemes(recent, baseline));
  });
});

describe('theme significance', () => {
  it('computes the exact binomial tail', () => {
    expect(binomialUpperTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 10);
    expect(binomialUpperTail(0, 10, 0.5)).toBe(1);
    expect(binomialUpperTail(5000, 10_000, 0.5)).toBeCloseTo(0.504, 3);
  });

  it('gives no evidence when the rates are the same, and strong evidence for a fourfold rise', () => {
    expect(compareRates(10, 100, 40, 400).pValue).toBeGreaterThan(0.4);
    const rise = compareRates(40, 100, 40, 400);
    expect(rise.pValue).toBeLessThan(1e-8);
    expect(rise.liftLowerBound).toBeGreaterThan(2.5);
    expect(rise.liftLowerBound).toBeLessThan(4);
  });

  it('controls the false discovery rate across many phrases', () => {
    expect(falseDiscoveryCutoff([0.001, 0.01, 0.03, 0.5], 0.05)).toBe(0.03);
    expect(falseDiscoveryCutoff([0.2, 0.5], 0.05)).toBe(-1);
  });
});
