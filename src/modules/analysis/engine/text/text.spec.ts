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

describe('splitSentences against its regex definition', () => {
  /** The splitter's original regex form, kept here as the reference the hand-written scan must equal. */
  function byRegex(text: string): { text: string; start: number; end: number }[] {
    const boundary = /([.!?\u2026]+["'\u201d\u2019)\]]*)(?=\s|$)|\n/g;
    const ends: number[] = [];
    let match: RegExpExecArray | null;
    while ((match = boundary.exec(text)) !== null) ends.push(match.index + match[0].length);
    return ends.length === 0 && text.trim() === '' ? [] : ends.map((end) => ({ text: '', start: 0, end }));
  }

  it('ends sentences at the same places on texts full of terminators, closers and odd spaces', () => {
    const pieces = [
      '.',
      '!',
      '?',
      '…',
      '"',
      "'",
      '”',
      ')',
      ']',
      ' ',
      '\n',
      '\u00a0',
      '\u2003',
      'a',
      'Dr',
      'e.g',
      'x',
      'B',
      ':)',
      '10.5',
    ];
    let seed = 5;
    const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let j = 0; j < 1 + next() * 12; j++) text += pieces[Math.floor(next() * pieces.length)];
      const spans = splitSentences(text);
      for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
      // Every sentence end is a regex boundary (trimmed), unless an abbreviation or content rule merged it.
      const boundaries = new Set(byRegex(text).map((b) => b.end));
      for (const s of spans.slice(0, -1)) {
        let end = s.end;
        while (end < text.length && /\s/.test(text[end])) end++;
        const reachable = [...boundaries].some((b) => b >= s.end && b <= end);
        expect(reachable).toBe(true);
      }
    }
  });
});

describe('splitSentences facts', () => {
  it('reports printable ASCII exactly when /[^ -~\\t\\n\\r]/ finds nothing', () => {
    const pieces = [
      'a',
      '.',
      '!',
      '?',
      ' ',
      '\t',
      '\n',
      '\r',
      '~',
      '…',
      '”',
      '’',
      'é',
      '\u000b',
      '\u007f',
      '😀',
      ':)',
    ];
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    for (let k = 0; k < 3000; k++) {
      let text = '';
      for (let j = 0; j < 1 + next() * 8; j++) text += pieces[Math.floor(next() * pieces.length)];
      const facts = { printableAscii: true };
      expect(splitSentences(text, facts)).toEqual(splitSentences(text));
      expect(facts.printableAscii).toBe(!/[^ -~\t\n\r]/.test(text));
    }
  });
});
