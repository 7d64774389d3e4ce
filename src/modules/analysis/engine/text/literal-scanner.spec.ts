import { LiteralScanner } from './literal-scanner';

const LITERALS = ['thank', 'thanks', 'hank', "won't be", 'wont be', 't work', 'a', 'ab', 'bab'];

/** Literal i carries bit i, so a scan's mask lists the literals found. */
const scanner = new LiteralScanner(LITERALS.map((text, i) => ({ text, mask: 2 ** i })));

function found(mask: number): string[] {
  return LITERALS.filter((_, i) => mask & (2 ** i));
}

describe('LiteralScanner', () => {
  it('finds every literal that occurs, prefixes, suffixes and overlaps included', () => {
    expect(found(scanner.scan('thanks'))).toEqual(['thank', 'thanks', 'hank', 'a']);
    expect(found(scanner.scan("it won't be done"))).toEqual(["won't be"]);
    expect(found(scanner.scan("doesn't work"))).toEqual(['t work']);
    expect(found(scanner.scan('babab'))).toEqual(['a', 'ab', 'bab']);
    expect(found(scanner.scan('nothing here'))).toEqual([]);
    expect(found(scanner.scan('ünïcödé thank'))).toEqual(['thank', 'hank', 'a']);
  });

  it('agrees with a plain substring search, in the text and in its lowercase form', () => {
    const words = [
      'than',
      'Thanks',
      'WONT',
      'be',
      'a',
      "won't",
      'work',
      't',
      'hAnks',
      'x',
      'é',
      'K',
      '\u212a',
      'bab',
    ];
    let seed = 5;
    const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    for (let k = 0; k < 500; k++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 6) },
        () => words[Math.floor(next() * words.length)],
      ).join(next() < 0.5 ? ' ' : '');
      expect(found(scanner.scan(text))).toEqual(LITERALS.filter((l) => text.includes(l)));
      const lower = text.toLowerCase();
      expect(found(scanner.scanLowercased(text))).toEqual(LITERALS.filter((l) => lower.includes(l)));
    }
  });

  it('refuses literals it could never meet in a scan', () => {
    expect(() => new LiteralScanner([{ text: 'café', mask: 1 }])).toThrow(/not ASCII/);
  });
});
