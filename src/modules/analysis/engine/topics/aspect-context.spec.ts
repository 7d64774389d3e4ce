import { aspectContexts } from './aspect-context';
import { prepareText } from './prepare-text';
import type { TopicEvidence } from './topic-detector';

function evidenceOf(text: string, word: string): TopicEvidence {
  const start = text.indexOf(word);
  return { text: word, start, end: start + word.length, source: 'phrase' };
}

describe('aspectContexts', () => {
  const text = 'The food was great but the service was slow. Parking was easy; the music too loud.';
  const prepared = prepareText(text);

  it('cuts a sentence at its turning point so each side keeps its own words', () => {
    expect(aspectContexts(prepared, [evidenceOf(text, 'food')]).map((c) => c.text)).toEqual([
      'The food was great',
    ]);
    expect(aspectContexts(prepared, [evidenceOf(text, 'service')]).map((c) => c.text)).toEqual([
      'the service was slow.',
    ]);
    expect(aspectContexts(prepared, [evidenceOf(text, 'music')]).map((c) => c.text)).toEqual([
      'the music too loud.',
    ]);
  });

  it('uses the whole sentence for model evidence and does not repeat a clause', () => {
    const sentence = prepared.sentences[1];
    const model: TopicEvidence = {
      text: sentence.text,
      start: sentence.start,
      end: sentence.end,
      source: 'model',
    };
    expect(aspectContexts(prepared, [model, model])).toEqual([
      { text: sentence.text, start: sentence.start, end: sentence.end },
    ]);
  });

  it('cuts only between topics when it knows the other topics', () => {
    const food = evidenceOf(text, 'food');
    expect(aspectContexts(prepared, [food], []).map((c) => c.text)).toEqual([prepared.sentences[0].text]);
    expect(aspectContexts(prepared, [food], [evidenceOf(text, 'service')]).map((c) => c.text)).toEqual([
      'The food was great',
    ]);
  });
});
