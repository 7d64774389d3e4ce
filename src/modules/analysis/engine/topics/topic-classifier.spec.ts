import { WordVectors } from '../ml/word-vectors';
import { prepareText } from './prepare-text';
import { TopicClassifier, type TopicClassifierJson } from './topic-classifier';
import type { TopicDefinition } from './topic-definition';
import { TopicDetector, wordsOf } from './topic-detector';
import { trainTopicDetector } from './train-topic-detector';

const taxonomy: TopicDefinition[] = [
  { key: 'billing', name: 'Billing', phrases: ['invoice', 'charged twice'], exclusions: [] },
  { key: 'delivery', name: 'Delivery', phrases: ['courier', 'parcel'], exclusions: [] },
  { key: 'app', name: 'App', phrases: [], exclusions: [] },
];

const billing = [
  'I was billed twice this month',
  'wrong amount on my statement',
  'refund the extra payment please',
];
const delivery = [
  'the courier came a week late',
  'parcel left in the rain',
  'my order still has not shown up',
];
const app = ['the app crashes on login', 'cannot open the app since the update', 'app freezes at checkout'];

function examples(multiLabel: boolean): { text: string; topics: string[] }[] {
  const rows: { text: string; topics: string[] }[] = [];
  for (let round = 0; round < 6; round++) {
    const suffix = ['', ' again', ' today', ' !!', ' seriously', ' sadly'][round];
    billing.forEach((t) => rows.push({ text: t + suffix, topics: ['billing'] }));
    delivery.forEach((t) => rows.push({ text: t + suffix, topics: ['delivery'] }));
    app.forEach((t) => rows.push({ text: t + suffix, topics: ['app'] }));
    if (multiLabel)
      rows.push({
        text: `the app charged me twice and the parcel is late${suffix}`,
        topics: ['app', 'billing', 'delivery'],
      });
  }
  return rows;
}

describe('trainTopicDetector', () => {
  it('learns topics without phrases from examples, and treats single-label data as exclusive', () => {
    const detector = trainTopicDetector(taxonomy, examples(false));
    expect(detector.classifier?.toJSON().mode).toBe('exclusive');
    const found = detector.detect(prepareText('The app crashes every time I open it.'));
    expect(found[0].key).toBe('app');
    expect(found[0].evidence[0].source).toBe('model');
  });

  it('uses one-vs-rest when texts carry several topics, and keeps phrase evidence', () => {
    const detector = trainTopicDetector(taxonomy, examples(true));
    expect(detector.classifier?.toJSON().mode).toBe('multi-label');
    const text = 'The courier lost my parcel and the app crashes on login.';
    const keys = detector.detect(prepareText(text)).map((m) => m.key);
    expect(keys).toEqual(expect.arrayContaining(['delivery', 'app']));
    const delivery = detector.detect(prepareText(text)).find((m) => m.key === 'delivery');
    expect(delivery?.evidence.map((e) => e.text)).toEqual(['courier', 'parcel']);
  });

  it('rejects labels outside the taxonomy and duplicate keys', () => {
    expect(() => trainTopicDetector(taxonomy, [{ text: 'x', topics: ['nope'] }])).toThrow(
      /not in the taxonomy/,
    );
    expect(() => new TopicDetector([...taxonomy, taxonomy[0]])).toThrow(/unique/);
  });

  it('round-trips through JSON with the same predictions', () => {
    const detector = trainTopicDetector(taxonomy, examples(true));
    const classifier = detector.classifier as TopicClassifier;
    const copy = TopicClassifier.fromJSON(JSON.parse(JSON.stringify(classifier.toJSON())));
    const words = wordsOf(prepareText('app crashes after the update').terms);
    const before = classifier.predict(words, []);
    const after = copy.predict(words, []);
    for (const label of Object.keys(before)) expect(after[label]).toBeCloseTo(before[label], 2);
  });

  it('with word vectors, puts a word never seen in training near the topic of its neighbours', () => {
    const near = (axis: number) => [0, 1, 2].map((d) => (d === axis ? 1 : 0.05));
    const groups = [
      ['billed', 'amount', 'statement', 'refund', 'payment', 'reimbursement'],
      ['courier', 'late', 'order', 'shown', 'rain', 'shipment'],
      ['app', 'crashes', 'login', 'update', 'freezes', 'glitchy'],
    ];
    const words = groups.flat();
    const vectors = Object.fromEntries(groups.flatMap((g, axis) => g.map((w) => [w, near(axis)])));
    const wordVectors = { vectors: WordVectors.fromWink({ dimensions: 3, words, vectors }) };
    const withVectors = trainTopicDetector(taxonomy, examples(false), { classifier: { wordVectors } });
    const plain = trainTopicDetector(taxonomy, examples(false));
    const scores = (detector: TopicDetector, text: string) => detector.scores(prepareText(text));
    const best = (text: string) =>
      Object.entries(scores(withVectors, text)).sort((a, b) => b[1] - a[1])[0][0];
    expect(best('so glitchy')).toBe('app');
    expect(best('reimbursement?')).toBe('billing');
    expect(best('where is my shipment')).toBe('delivery');
    expect(scores(withVectors, 'so glitchy').app).toBeGreaterThan(scores(plain, 'so glitchy').app + 0.1);
    // The vectors are not in the saved model: restoring must fail rather than predict without them.
    const json = JSON.parse(JSON.stringify(withVectors.classifier?.toJSON())) as TopicClassifierJson;
    expect(json.wordVectors).toEqual({ dimensions: 3, pooling: {} });
    expect(() => TopicClassifier.fromJSON(json)).toThrow(/word vectors/);
  });
});
