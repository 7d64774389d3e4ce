import { splitSentences } from './split-sentences';
import { tokenize } from './tokenize-text';

describe('tokenize', () => {
  it('keeps URLs, mentions, hashtags, emoji and emoticons whole, with true offsets', () => {
    const text = "@united Sooo LATE again :( #fail 😡👍🏽 see https://t.co/x1 <3 isn't it";
    const tokens = tokenize(text);
    const kinds = tokens.map((t) => `${t.kind}:${t.norm}`);
    expect(kinds).toEqual([
      'mention:@united',
      'word:soo',
      'word:late',
      'word:again',
      'emoticon::(',
      'hashtag:#fail',
      'emoji:😡',
      'emoji:👍🏽',
      'word:see',
      'url:https://t.co/x1',
      'emoticon:<3',
      "word:isn't",
      'word:it',
    ]);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.raw);
    expect(tokens[2].shouted).toBe(true);
    expect(tokens[1].shouted).toBe(false);
  });

  it('does not read times or ratios as emoticons', () => {
    expect(tokenize('at 10:30 today').some((t) => t.kind === 'emoticon')).toBe(false);
  });

  it('marks negation scope up to punctuation or a clause word', () => {
    const tokens = tokenize("The food wasn't good or warm, but the staff were nice");
    const negated = tokens.filter((t) => t.negated).map((t) => t.norm);
    expect(negated).toEqual(['good', 'or', 'warm']);
    expect(
      tokenize('never arrived and never refunded')
        .filter((t) => t.negated)
        .map((t) => t.norm),
    ).toEqual(['arrived', 'refunded']);
  });
});

describe('splitSentences', () => {
  it('returns spans whose offsets slice the original text', () => {
    const text = '  Great crew!! But Dr. Smith was rude... Never again?\nThanks  ';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual([
      'Great crew!!',
      'But Dr. Smith was rude...',
      'Never again?',
      'Thanks',
    ]);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps trailing emoticons with their sentence and handles text without terminators', () => {
    expect(splitSentences('love it. :)').map((s) => s.text)).toEqual(['love it. :)']);
    expect(splitSentences('no punctuation here')).toEqual([
      { text: 'no punctuation here', start: 0, end: 19 },
    ]);
  });
});
