import {
  analysisPipelineFromJSON,
  createAnalysisPipeline,
  trainPipeline,
  type LabelledText,
} from './analyse-text';
import { DEFAULT_TAXONOMY } from './topics/default-taxonomy';
import { withPack } from './topics/industry-packs';
import { RESTAURANTS_HOSPITALITY_PACK } from './topics/packs/restaurants-hospitality-pack';
import { TRAVEL_PACK } from './topics/packs/travel-pack';

describe('createAnalysisPipeline', () => {
  const pipeline = createAnalysisPipeline();

  it('finds topics with evidence that points into the text, each with its own sentiment', () => {
    const text = 'They charged me twice and my parcel never arrived. Never again!';
    const result = pipeline.analyse(text);
    expect(result.supported).toBe(true);
    expect(result.sentiment?.label).toBe('negative');
    const keys = result.topics.map((t) => t.key);
    expect(keys).toEqual(expect.arrayContaining(['double-charges', 'late-delivery']));
    for (const topic of result.topics) {
      expect(topic.evidence.length).toBeGreaterThan(0);
      for (const e of topic.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
    expect(result.topics.find((t) => t.key === 'double-charges')?.sentiment.label).toBe('negative');
    expect(result.signals.map((s) => s.type)).toEqual(expect.arrayContaining(['churn_risk', 'complaint']));
  });

  it('finds the travel words only once the travel pack is applied, under the general keys they refine', () => {
    const text = 'My flight was delayed for hours and they lost my luggage.';
    expect(pipeline.analyse(text).topics.map((t) => t.key)).toEqual(['waiting-time']);
    const travel = createAnalysisPipeline({ taxonomy: withPack(DEFAULT_TAXONOMY, TRAVEL_PACK) });
    const topics = travel.analyse(text).topics;
    expect(topics.map((t) => t.key)).toEqual(expect.arrayContaining(['flight-delays', 'lost-luggage']));
    expect(topics.find((t) => t.key === 'flight-delays')?.parentKey).toBe('waiting-time');
  });

  it('reads each topic’s sentiment from its own clause', () => {
    const result = pipeline.analyse('The food was absolutely delicious, but the waiter was rude to us.');
    const sentimentOf = (key: string): string | undefined =>
      result.topics.find((t) => t.key === key)?.sentiment.label;
    expect(sentimentOf('product-quality')).toBe('positive');
    expect(sentimentOf('staff')).toBe('negative');
  });

  it('does not file everyday verbs and app features under a restaurant’s ambience', () => {
    const restaurant = createAnalysisPipeline({
      taxonomy: withPack(DEFAULT_TAXONOMY, RESTAURANTS_HOSPITALITY_PACK),
    });
    const keysOf = (text: string): string[] => restaurant.analyse(text).topics.map((t) => t.key);
    for (const text of [
      'I set up my account yesterday.',
      'I tried to place an order three times.',
      'Please add a dark mode.',
      'How do I view my order history?',
    ])
      expect(keysOf(text)).not.toContain('ambience');
    expect(keysOf('The restaurant was dark and noisy.')).toContain('ambience');
  });

  it('marks texts in other languages as unsupported instead of scoring them', () => {
    const result = pipeline.analyse('El servicio fue muy malo y nadie nos ayudó con las maletas.');
    expect(result).toMatchObject({
      language: 'es',
      supported: false,
      sentiment: null,
      topics: [],
      signals: [],
    });
  });

  it('does not score an empty or blank text', () => {
    for (const text of ['', '   \n\t']) {
      const result = pipeline.analyse(text);
      expect(result).toMatchObject({
        supported: false,
        language: 'und',
        sentiment: null,
        topics: [],
        signals: [],
      });
    }
  });

  it('scores text without letters (emoji) instead of calling it a foreign language', () => {
    const result = pipeline.analyse('😡😡😡');
    expect(result).toMatchObject({ language: 'und', supported: true });
    expect(result.sentiment).not.toBeNull();
  });

  it('stays linear on very long texts and bounds the evidence', () => {
    const started = Date.now();
    const result = pipeline.analyse('The delivery was late again. '.repeat(4000));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.topics.find((t) => t.key === 'late-delivery')?.evidence).toHaveLength(5);
  });

  it('has a version that is stable for the same setup and changes with the taxonomy', () => {
    expect(createAnalysisPipeline().version).toBe(pipeline.version);
    const smaller = createAnalysisPipeline({ taxonomy: DEFAULT_TAXONOMY.slice(1) });
    expect(smaller.version).not.toBe(pipeline.version);
    expect(pipeline.version).toMatch(/^engine-\d+\+[0-9a-f]{12}$/);
  });
});

/** Deterministic labelled texts about two custom topics and one default one. */
function labelledExamples(): LabelledText[] {
  const parking = [
    'no parking spaces left',
    'the car park was full',
    'parking cost a fortune',
    'nowhere to park the car',
  ];
  const wifi = [
    'the wifi kept dropping',
    'wifi password never worked',
    'internet connection was awful',
    'no wifi signal',
  ];
  const food = [
    'the pasta was cold',
    'dessert was lovely',
    'the soup tasted great',
    'the burger was raw inside',
  ];
  const openers = ['Honestly', 'On Friday', 'Last visit', 'Again', 'As usual'];
  const examples: LabelledText[] = [];
  openers.forEach((opener) => {
    parking.forEach((p) => examples.push({ text: `${opener}, ${p}.`, topics: ['Parking'] }));
    wifi.forEach((w) =>
      examples.push({ text: `${opener} ${w}.`, topics: [{ name: 'Wifi', sentiment: 'negative' }] }),
    );
    food.forEach((f) => {
      const sentiment = /lovely|great/.test(f) ? 'positive' : 'negative';
      examples.push({ text: `${opener} ${f}.`, topics: [{ name: 'Food', sentiment }] });
    });
    examples.push({ text: `${opener}, we had a nice evening with friends.`, topics: [] });
  });
  return examples;
}

describe('trainPipeline', () => {
  const examples = labelledExamples();
  const trained = trainPipeline(examples);

  it('replaces the default taxonomy with the labelled topics and keeps default rules for known names', () => {
    expect(trained.taxonomy.map((t) => t.key)).toEqual(['parking', 'wifi', 'food']);
    expect(trained.taxonomy.find((t) => t.key === 'food')?.phrases).toContain('pizza');
    expect(trained.taxonomy.find((t) => t.key === 'parking')?.phrases).toEqual([]);
    expect(trained.version).not.toBe(createAnalysisPipeline().version);
  });

  it('detects the trained topics on unseen texts and no default topics', () => {
    const parking = trained
      .analyse('There was no parking anywhere near the entrance.')
      .topics.map((t) => t.key);
    expect(parking).toContain('parking');
    const wifi = trained.analyse('The wifi in the lobby was down all day.').topics.map((t) => t.key);
    expect(wifi).toEqual(['wifi']);
    // Food keeps its default phrase rules, so a dish never seen in training still counts.
    expect(trained.analyse('The pizza was cold.').topics.map((t) => t.key)).toContain('food');
  });

  it('keeps the default sentiment model when no text carries a sentiment label', () => {
    expect(trained.analyse('I love this place, it is wonderful.').sentiment?.label).toBe('positive');
  });

  it('is deterministic', () => {
    expect(trainPipeline(examples).version).toBe(trained.version);
  });

  it('passes topic-model settings through (what the cross-validation script compares)', () => {
    const bigramsOff = trainPipeline(examples, { topics: { classifier: { features: { bigrams: false } } } });
    expect(bigramsOff.version).not.toBe(trained.version);
    const vocabulary = (p: typeof trained): string[] => {
      const model = p.toJSON().topicModel;
      return model?.mode === 'exclusive' ? model.model.extractor.vocabulary.split('\n') : [];
    };
    expect(vocabulary(trained).some((term) => term.includes(' '))).toBe(true);
    expect(vocabulary(bigramsOff).some((term) => term.includes(' '))).toBe(false);
  });

  it('retrains sentiment from enough labelled texts, learning words the shipped model does not know', () => {
    const labelled: LabelledText[] = [];
    for (let i = 0; i < 120; i++) {
      labelled.push({ text: `the order was zorky again ${i % 7}`, sentiment: 'negative' });
      labelled.push({ text: `the order was blimpy again ${i % 7}`, sentiment: 'positive' });
    }
    const domain = trainPipeline(labelled);
    expect(domain.version).not.toBe(createAnalysisPipeline().version);
    expect(domain.analyse('my order was zorky').sentiment?.label).toBe('negative');
    expect(domain.analyse('my order was blimpy').sentiment?.label).toBe('positive');
    // Too few labels: the shipped model stays.
    expect(trainPipeline(labelled.slice(0, 50)).version).toBe(createAnalysisPipeline().version);
  });

  it('round-trips through JSON to the same version and results', () => {
    const json = JSON.parse(JSON.stringify(trained.toJSON()));
    expect(json.sentiment).toBeNull();
    const copy = analysisPipelineFromJSON(json);
    expect(copy.version).toBe(trained.version);
    const text = 'The wifi was down and the pasta was cold.';
    expect(copy.analyse(text).topics.map((t) => [t.key, t.sentiment.label])).toEqual(
      trained.analyse(text).topics.map((t) => [t.key, t.sentiment.label]),
    );
    expect(createAnalysisPipeline().toJSON()).toMatchObject({
      taxonomy: null,
      sentiment: null,
      topicModel: null,
    });
  });
});
