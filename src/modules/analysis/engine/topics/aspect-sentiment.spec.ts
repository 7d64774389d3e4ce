import { SentimentAnalyzer } from '../sentiment/sentiment-analyzer';
import { aspectContexts } from './aspect-context';
import { AspectSentimentScorer } from './aspect-sentiment';
import { prepareText } from './prepare-text';
import type { TopicEvidence } from './topic-detector';

describe('AspectSentimentScorer', () => {
  const analyzer = SentimentAnalyzer.default();
  const scorer = new AspectSentimentScorer(analyzer);

  function evidenceOf(text: string, word: string): TopicEvidence {
    const start = text.indexOf(word);
    return { text: word, start, end: start + word.length, source: 'phrase', phrase: word };
  }

  it.each([
    ['The food was great but the service was not good at all.', 'service', 'food'],
    ["The food wasn't bad; the waiter never came back", 'waiter', 'food'],
    ['Loved the seats :) but the wifi: broken at 10:30', 'wifi', 'seats'],
  ])('scores a clause from the text’s own tokens exactly as analyseSpan would: %s', (text, topic, other) => {
    const prepared = prepareText(text);
    const evidence = [evidenceOf(text, topic)];
    const others = [evidenceOf(text, other)];
    const [clause] = aspectContexts(prepared, evidence, others);
    expect(clause.text.length).toBeLessThan(text.length);
    expect(scorer.score(prepared, 'x', evidence, { others })).toEqual(analyzer.analyseSpan(clause.text));
  });
});
