import { tokenize } from '../text/tokenize-text';
import { tokenWordFlags, tokenWordInfo, WordFlag } from './word-info';

describe('tokenWordFlags', () => {
  it('folds the WordInfo facts the scorer reads into bits, for words with and without an entry', () => {
    const tokens = tokenize('but although very slightly good window never arrived');
    const byHand = tokens.map((t) => ({ ...t, entry: undefined }));
    for (const list of [tokens, byHand]) {
      const flags = list.map(tokenWordFlags);
      expect(flags).toEqual([
        WordFlag.contrast,
        WordFlag.concessive,
        WordFlag.intensifier,
        WordFlag.diminisher,
        WordFlag.lexical,
        0,
        expect.any(Number),
        expect.any(Number),
      ]);
      list.forEach((token, i) => {
        const info = tokenWordInfo(token);
        const lexical = info.valence !== 0 || info.vader !== 0 || info.phraseStart;
        expect((flags[i] & WordFlag.lexical) !== 0).toBe(lexical);
      });
    }
  });
});
