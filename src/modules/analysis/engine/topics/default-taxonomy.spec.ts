import { DEFAULT_TAXONOMY, GENERAL_TOPIC_KEYS } from './default-taxonomy';
import { INDUSTRY_PACKS, withPack } from './industry-packs';
import { prepareText } from './prepare-text';
import type { TopicDefinition } from './topic-definition';
import { TopicDetector } from './topic-detector';

const rootsOf = (taxonomy: readonly TopicDefinition[], text: string): string[] => {
  const parent = new Map(taxonomy.map((t) => [t.key, t.parentKey]));
  const root = (key: string): string => (parent.get(key) ? root(parent.get(key) as string) : key);
  return [...new Set(new TopicDetector(taxonomy).detect(prepareText(text)).map((m) => root(m.key)))];
};

describe('the default taxonomy', () => {
  it('has exactly the 14 general keys at the top, and every child rolls up to one of them', () => {
    expect(DEFAULT_TAXONOMY.filter((t) => !t.parentKey).map((t) => t.key)).toEqual([...GENERAL_TOPIC_KEYS]);
    const keys = new Set(DEFAULT_TAXONOMY.map((t) => t.key));
    for (const t of DEFAULT_TAXONOMY) if (t.parentKey) expect(keys.has(t.parentKey)).toBe(true);
  });

  it.each([
    ['Payment failed three times at checkout, my card works everywhere else.', ['payment', 'ordering']],
    ['I was double charged for one order.', ['payment']],
    ['The parcel never arrived and tracking says delivered.', ['delivery']],
    ['I cannot log in, the password reset email never comes.', ['account']],
    ['How do I cancel my membership before it renews?', ['subscription']],
    ['Out of stock again in my size.', ['availability']],
    ['The app keeps crashing when I open my basket.', ['website-app']],
    ['On hold for 40 minutes and then they hung up.', ['customer-service']],
    ['The jacket ripped after a week, poor quality.', ['product-quality']],
  ])('files %s under %j', (text, expected) => {
    expect(rootsOf(DEFAULT_TAXONOMY, text)).toEqual(expect.arrayContaining(expected));
  });

  it('stays quiet on everyday texts about none of them', () => {
    for (const text of [
      'I called my mum on the phone last night.',
      "Can't wait for the weekend!",
      'In order to win you have to play.',
      'We had a lovely time at the beach.',
    ])
      expect(rootsOf(DEFAULT_TAXONOMY, text)).toEqual([]);
  });
});

describe('industry packs', () => {
  it('hang every topic under a general key, another topic of the pack, or the top', () => {
    for (const pack of INDUSTRY_PACKS) {
      const merged = withPack(DEFAULT_TAXONOMY, pack);
      const keys = new Set(merged.map((t) => t.key));
      for (const t of pack.topics)
        if (t.parentKey) expect([pack.name, keys.has(t.parentKey)]).toEqual([pack.name, true]);
      expect(merged.filter((t) => !t.parentKey).length).toBeGreaterThanOrEqual(GENERAL_TOPIC_KEYS.length);
    }
  });

  it('merge idempotently and add domain topics under the keys they refine', () => {
    const travel = INDUSTRY_PACKS.find((p) => p.name === 'travel')!;
    const once = withPack(DEFAULT_TAXONOMY, travel);
    expect(withPack(once, travel)).toEqual(once);
    expect(once.find((t) => t.key === 'flight-delays')?.parentKey).toBe('waiting-time');
    expect(rootsOf(once, 'Our flight was delayed three hours on the tarmac.')).toEqual(['waiting-time']);
  });

  it('keep a topic’s own phrases when a pack adds to the same key', () => {
    const edited = DEFAULT_TAXONOMY.map((t) => (t.key === 'staff' ? { ...t, phrases: ['our own word'] } : t));
    const pack = {
      name: 'x',
      title: 'X',
      description: '',
      topics: [{ key: 'staff', name: 'S', phrases: ['steward'], exclusions: [] }],
    };
    expect(withPack(edited, pack).find((t) => t.key === 'staff')?.phrases).toEqual([
      'our own word',
      'steward',
    ]);
  });
});
