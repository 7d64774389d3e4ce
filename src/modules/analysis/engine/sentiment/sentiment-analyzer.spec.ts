import { splitSentences } from '../text/split-sentences';
import { tokenize } from '../text/tokenize-text';
import { SentimentAnalyzer } from './sentiment-analyzer';

describe('SentimentAnalyzer (shipped model)', () => {
  const analyzer = SentimentAnalyzer.default();

  it('is loaded once and labels plain cases', () => {
    expect(SentimentAnalyzer.default()).toBe(analyzer);
    expect(analyzer.analyseSpan('The crew were wonderful, thank you!').label).toBe('positive');
    expect(analyzer.analyseSpan('My flight was cancelled and my bag is lost.').label).toBe('negative');
    expect(analyzer.analyseSpan('What time does the gate open?').label).toBe('neutral');
  });

  it('handles negation, contrast and emoji', () => {
    expect(analyzer.analyseSpan('The seat was not comfortable').score).toBeLessThan(0);
    expect(analyzer.analyseSpan('The staff were friendly but the delay was awful').score).toBeLessThan(0);
    expect(analyzer.analyseSpan('Landed safely 😍').score).toBeGreaterThan(0);
    expect(analyzer.analyseSpan('Landed safely 😡').score).toBeLessThan(
      analyzer.analyseSpan('Landed safely').score,
    );
  });

  it('reads customer idioms whose words mislead', () => {
    // Each word alone points the other way: "thanks", "lovely"/"never", "bad".
    expect(analyzer.analyseSpan('Thanks for nothing.').label).toBe('negative');
    expect(analyzer.analyseSpan('Lovely staff but the refund never came.').label).toBe('negative');
    expect(analyzer.analyseSpan('Not bad at all, would order again.').label).toBe('positive');
    // "joke" alone is neutral in customer messages ("no joke"), "is a joke" is not.
    expect(analyzer.analyseSpan('Your chatbot is a joke.').label).toBe('negative');
    expect(analyzer.analyseSpan('The login page keeps timing out.').label).toBe('negative');
    // The model learns "never" as praise from reviews ("never disappoints").
    expect(analyzer.analyseSpan('Password reset email never arrives.').label).toBe('negative');
    expect(analyzer.analyseSpan('The mobile app logs me out every day.').label).toBe('negative');
  });

  it('does not read the airline "United" or polite requests as praise', () => {
    const united = analyzer.analyseSpan('@united can you change my seat please');
    expect(united.label).not.toBe('positive');
    expect(united.explanation.some((e) => e.token === 'united' || e.token === 'please')).toBe(false);
  });

  it('returns sentences with offsets and explanations', () => {
    const text = 'Great crew on the way out.  The return flight was delayed 5 hours and nobody told us!';
    const { document, sentences } = analyzer.analyse(text);
    expect(sentences).toHaveLength(2);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(sentences[0].label).toBe('positive');
    expect(sentences[1].label).toBe('negative');
    expect(document.label).toBe('mixed');
    expect(sentences[1].explanation.some((e) => e.token === 'delayed')).toBe(true);
    expect(document.confidence).toBeGreaterThan(0);
    expect(document.confidence).toBeLessThanOrEqual(1);
  });

  it('calls a sentence that turns from clear praise to a clear complaint mixed, keeping its score', () => {
    const { document, sentences } = analyzer.analyse('I love the new dashboard but exports are slow.');
    expect(document.label).toBe('mixed');
    expect(sentences[0].label).toBe('mixed');
    expect(document.score).toBe(analyzer.analyseSpan('I love the new dashboard but exports are slow.').score);
    const two = analyzer.analyse('Great food but the service was painfully slow. We will come back.');
    expect(two.sentences[0].label).toBe('mixed');
    expect(two.document.label).toBe('mixed');
    // A weak side does not make it mixed.
    expect(analyzer.analyse('Expensive but worth every penny.').document.label).toBe('positive');
  });

  it('does not call a uniformly negative text mixed', () => {
    const { document } = analyzer.analyse('The flight was late. The staff were rude. Never again.');
    expect(document.label).toBe('negative');
  });
});

describe('SentimentAnalyzer.train and JSON', () => {
  const examples = [
    ...['loved the flight', 'great crew and comfy seats', 'smooth boarding, thanks', 'excellent service'].map(
      (text) => ({ text, label: 'positive' as const }),
    ),
    ...['lost my bag', 'rude agent and a long delay', 'cancelled again', 'terrible food'].map((text) => ({
      text,
      label: 'negative' as const,
    })),
    ...[
      'what time is boarding?',
      'flight 123 to Boston',
      'is there wifi on board?',
      'gate changed to B4',
    ].map((text) => ({ text, label: 'neutral' as const })),
  ];

  it('learns from examples and survives a JSON round trip unchanged', () => {
    const trained = SentimentAnalyzer.train([...examples, ...examples, ...examples], {
      epochs: 20,
      minCount: 1,
    });
    const copy = SentimentAnalyzer.fromJSON(JSON.parse(JSON.stringify(trained.toJSON())));
    for (const text of ['great crew', 'lost bag again', 'what time is the flight?']) {
      const [a, b] = [trained.analyse(text).document, copy.analyse(text).document];
      expect(b.label).toBe(a.label);
      expect(Math.abs(a.score - b.score)).toBeLessThan(0.01);
    }
    expect(copy.analyseSpan('what time is boarding?').label).toBe('neutral');
    expect(() => SentimentAnalyzer.fromJSON({ format: 'other' })).toThrow('unknown format');
  });
});

describe('SentimentAnalyzer shared-token paths', () => {
  const analyzer = SentimentAnalyzer.default();
  const texts = [
    'Great crew on the way out.  The return flight was delayed 5 hours and nobody told us!',
    "The food wasn't good, but the staff were nice :)",
    'NOT happy. Never again!!! #fail @united',
  ];

  it('analyseTokens equals analyse on the same text', () => {
    for (const text of texts) {
      expect(analyzer.analyseTokens(tokenize(text), splitSentences(text))).toEqual(analyzer.analyse(text));
    }
  });

  it('analyseClauseTokens equals analyseSpan on the same clause', () => {
    for (const text of texts)
      expect(analyzer.analyseClauseTokens(tokenize(text))).toEqual(analyzer.analyseSpan(text));
  });
});
