import { prepareText } from './prepare-text';
import { TopicClassifier } from './topic-classifier';
import type { TopicDefinition } from './topic-definition';
import { trainTopicDetector } from './train-topic-detector';

/** Six exclusive topics, each with its own words, as a CX team's labelled complaints would be. */
const WORDS: Record<string, string[]> = {
  late: ['late', 'delayed', 'hours', 'waiting'],
  lost: ['lost', 'missing', 'suitcase', 'baggage'],
  rude: ['rude', 'attitude', 'yelled', 'unfriendly'],
  booking: ['booking', 'reservation', 'website', 'itinerary'],
  cancelled: ['cancelled', 'stranded', 'rebooked', 'scrapped'],
  seat: ['seat', 'legroom', 'cramped', 'broken'],
};
const taxonomy: TopicDefinition[] = Object.keys(WORDS).map((key) => ({
  key,
  name: key,
  phrases: [],
  exclusions: [],
}));
const examples = Object.entries(WORDS).flatMap(([key, words]) =>
  words.flatMap((a, i) => words.slice(i + 1).map((b) => ({ text: `so ${a} and ${b} today`, topics: [key] }))),
);

describe('TopicDetector with exclusive trained topics', () => {
  const detector = trainTopicDetector(taxonomy, examples);

  it('gives a complaint of a trained kind its best topic even when no topic reaches the 0.5 threshold', () => {
    const prepared = prepareText('delayed and lost and rude');
    const scores = detector.scores(prepared);
    expect(Math.max(...Object.values(scores))).toBeLessThan(0.5);
    const found = detector.detect(prepared);
    expect(found).toHaveLength(1);
    const best = Object.entries(scores).sort((a, b) => b[1] - a[1])[0];
    expect(found[0]).toMatchObject({ key: best[0], confidence: Math.round(best[1] * 1000) / 1000 });
  });

  it('finds a trained topic from pack words it never saw, through the rule hits of known topics', () => {
    // "wifi" and "entertainment" are in no training text; the travel pack's in-flight rule knows them, and
    // "legroom" / "cramped" taught the model that this rule means "seat".
    const prepared = prepareText('the wifi and the entertainment were awful');
    expect(detector.detect(prepared).map((m) => m.key)).toEqual(['seat']);
    const withoutRules = trainTopicDetector(taxonomy, examples, { knownTopicFeatures: false });
    expect(withoutRules.detect(prepared)).toEqual([]);
  });

  it('keeps the tuned offsets and the known-topic rules through JSON', () => {
    // Enough examples to tune offsets by cross-validation.
    const tuned = trainTopicDetector(taxonomy, [...examples, ...examples, ...examples]);
    const json = (tuned.classifier as TopicClassifier).toJSON();
    expect(json).toMatchObject({ mode: 'exclusive', offsets: expect.any(Array) });
    expect(json.featureTopics).toEqual(expect.arrayContaining(['in-flight', 'payment']));
    const copy = TopicClassifier.fromJSON(JSON.parse(JSON.stringify(json)));
    const prepared = prepareText('the wifi was down and my suitcase is missing');
    const rules = (c: TopicClassifier) => c.featureRuleKeys(prepared);
    expect(rules(copy)).toEqual(rules(tuned.classifier as TopicClassifier));
    const before = (tuned.classifier as TopicClassifier).predict(['wifi'], rules(copy));
    const after = copy.predict(['wifi'], rules(copy));
    for (const key of Object.keys(before)) expect(after[key]).toBeCloseTo(before[key], 3);
  });

  it('reports nothing for a text the model knows no words of', () => {
    expect(detector.detect(prepareText('zqx vbnm plok'))).toEqual([]);
  });

  it('leaves texts about none of them untagged when training had such texts', () => {
    const withNone = trainTopicDetector(taxonomy, [
      ...examples,
      ...['thanks so much', 'great day today', 'see you soon', 'love it so much', 'nice one today'].flatMap(
        (text) => [0, 1, 2].map(() => ({ text, topics: [] })),
      ),
    ]);
    expect(withNone.detect(prepareText('thanks, see you soon'))).toEqual([]);
    expect(withNone.detect(prepareText('my suitcase is missing')).map((m) => m.key)).toEqual(['lost']);
  });
});
