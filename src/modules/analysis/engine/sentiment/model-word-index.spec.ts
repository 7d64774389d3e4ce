import { FeatureExtractor } from '../ml/feature-extractor';
import { tokenize } from '../text/tokenize-text';
import { ModelWordIndex } from './model-word-index';
import { modelWords } from './sentiment-features';

describe('ModelWordIndex', () => {
  const texts = [
    "@united Flight delayed AGAIN!!! Not happy, won't fly you again :( #fail",
    'Please help, my bag never arrived? 2 hours on hold 😡 https://t.co/x',
    'Great crew, not bad at all. Thanks!',
  ];
  const extractor = FeatureExtractor.fit(
    texts.map((t) => modelWords(tokenize(t))),
    { minCount: 1 },
  );

  it('gives the same ids as looking up modelWords(), also on a second (cached) pass', () => {
    const index = new ModelWordIndex(extractor);
    for (let pass = 0; pass < 2; pass++) {
      for (const text of [...texts, 'unseen words are not happy']) {
        const tokens = tokenize(text);
        const ids: number[] = [];
        index.appendIds(tokens, 0, tokens.length, ids);
        expect(ids).toEqual(extractor.wordIdsOf(modelWords(tokens)));
      }
    }
  });

  it('vectorises id ranges exactly like word lists', () => {
    const tokens = tokenize(texts[0]);
    const words = modelWords(tokens);
    const ids = extractor.wordIdsOf(words);
    expect(extractor.vectorizeIds(ids, 2, words.length)).toEqual(extractor.vectorize(words.slice(2)));
    expect(extractor.vectorizeIds(ids, 0, words.length).indices.length).toBeGreaterThan(words.length);
  });
});
