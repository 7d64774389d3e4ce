import { LiteralScanner } from './literal-scanner';

function found(scanner: LiteralScanner, text: string): number[] {
  const numbers = new Set<number>();
  scanner.scan(text, (literal) => numbers.add(literal));
  return [...numbers].sort((a, b) => a - b);
}

describe('LiteralScanner', () => {
  const literals = ['thank', 'thanks', 'hank', "won't be", 'wont be', 't work', 'a'];
  const scanner = new LiteralScanner(literals);

  it('finds every literal that occurs, prefixes and overlaps included', () => {
    expect(found(scanner, 'thanks')).toEqual([0, 1, 2, 6]);
    expect(found(scanner, "it won't be done")).toEqual([3]);
    expect(found(scanner, "doesn't work at all")).toEqual([5, 6]);
    expect(found(scanner, 'nothing here')).toEqual([]);
    expect(found(scanner, 'ünïcödé thank')).toEqual([0, 2, 6]);
  });

  it('agrees with a plain substring search', () => {
    const words = ['than', 'thanks', 'wont', 'be', 'a', "won't", 'work', 't', 'hanks', 'x', 'é'];
    let seed = 5;
    const next = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    for (let k = 0; k < 300; k++) {
      const text = Array.from(
        { length: 1 + Math.floor(next() * 6) },
        () => words[Math.floor(next() * words.length)],
      ).join(next() < 0.5 ? ' ' : '');
      const expected = literals.flatMap((literal, i) => (text.includes(literal) ? [i] : []));
      expect(found(scanner, text)).toEqual(expected);
    }
  });

  it('refuses literals it could never meet in a scan', () => {
    expect(() => new LiteralScanner(['café'])).toThrow(/not ASCII/);
  });
});
