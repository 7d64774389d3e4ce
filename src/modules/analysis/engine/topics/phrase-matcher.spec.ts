import { tokenize } from '../text/tokenize-text';
import { DEFAULT_TAXONOMY } from './default-taxonomy';
import { PhraseMatcher, phraseStems, termsOf } from './phrase-matcher';
import { THEME_STOP_WORDS } from './theme-stop-words';
import { TopicDefinition, topicKeyOf } from './topic-definition';

function matchKeys(taxonomy: readonly TopicDefinition[], text: string): Record<string, string[]> {
  const tokens = tokenize(text);
  const result: Record<string, string[]> = {};
  for (const m of new PhraseMatcher(taxonomy).match(tokens, termsOf(tokens), text)) {
    result[taxonomy[m.topicIndex].key] = m.evidence.map((e) => e.text);
  }
  return result;
}

describe('PhraseMatcher', () => {
  const taxonomy: TopicDefinition[] = [
    { key: 'lost-luggage', name: 'Lost luggage', phrases: ['lost luggage', 'missing bag'], exclusions: [] },
    { key: 'refunds', name: 'Refunds', phrases: ['refund', 'return'], exclusions: ['return flight'] },
  ];

  it('matches stemmed multi-word phrases across inflections and short fillers', () => {
    expect(matchKeys(taxonomy, 'They LOST my luggage and two bags are missing bags')).toEqual({
      'lost-luggage': ['LOST my luggage', 'missing bags'],
    });
  });

  it('does not match the words out of order or across punctuation', () => {
    expect(matchKeys(taxonomy, 'luggage lost. Missing, bag')).toEqual({});
  });

  it('skips amounts and object pronouns inside a phrase, as it skips short fillers', () => {
    const waits: TopicDefinition[] = [
      { key: 'waiting', name: 'Waiting', phrases: ['took minutes', 'hour delay'], exclusions: [] },
    ];
    expect(matchKeys(waits, 'It took them 15 minutes, then a 3 hour delay')).toEqual({
      waiting: ['took them 15 minutes', 'hour delay'],
    });
    expect(matchKeys(waits, 'took 15 long minutes')).toEqual({});
  });

  it('tells the phone as a product from the phone as a channel', () => {
    expect(matchKeys(DEFAULT_TAXONOMY, 'Great phone, best I have ever had')).toHaveProperty(
      'product-quality',
    );
    expect(
      matchKeys(DEFAULT_TAXONOMY, 'I was on the phone for an hour and the phone lines were busy'),
    ).not.toHaveProperty('product-quality');
  });

  it('drops evidence overlapped by an exclusion but keeps other evidence', () => {
    expect(matchKeys(taxonomy, 'My return flight was fine')).toEqual({});
    expect(matchKeys(taxonomy, 'Still no refund for my return flight')).toEqual({ refunds: ['refund'] });
  });

  it('covers the default customer-experience domains', () => {
    const found = matchKeys(
      DEFAULT_TAXONOMY,
      'Charged twice at checkout, the parcel never arrived and the cashier was rude.',
    );
    expect(Object.keys(found)).toEqual(expect.arrayContaining(['double-charges', 'checkout', 'staff']));
  });

  it('has no one-word default phrase that stems to a function word', () => {
    // "ate" stems to "at": Food was found in every text with "at" in it.
    const functionStems = new Set(phraseStems([...THEME_STOP_WORDS]).flat());
    const offenders = DEFAULT_TAXONOMY.flatMap((t) => {
      const stems = phraseStems(t.phrases);
      return t.phrases.filter((_, i) => stems[i].length === 1 && functionStems.has(stems[i][0]));
    });
    expect(offenders).toEqual([]);
    expect(matchKeys(DEFAULT_TAXONOMY, 'No information at the gate')).not.toHaveProperty('food');
  });

  it('keeps every taxonomy key unique and every parent present', () => {
    const keys = DEFAULT_TAXONOMY.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of DEFAULT_TAXONOMY) if (t.parentKey) expect(keys).toContain(t.parentKey);
    expect(topicKeyOf('Price & Billing')).toBe('price-and-billing');
  });
});

describe('phraseStems', () => {
  it('reads each phrase of a joined pass exactly as tokenizing it alone would', () => {
    const phrases = [
      ...DEFAULT_TAXONOMY.flatMap((t) => [...t.phrases, ...t.exclusions]),
      "didn't arrive",
      '$5 fee',
      '#delayed',
      '@united',
      'wi-fi',
      '',
      'xD',
    ];
    const alone = phrases.map((p) => termsOf(tokenize(p)).filter((t): t is string => t !== null));
    expect(phraseStems(phrases)).toEqual(alone);
  });
});
