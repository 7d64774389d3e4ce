/**
 * Finds which of a fixed set of ASCII literals occur in a text, in one left-to-right scan: the literals form
 * a character trie stored as a dense transition table, so each position costs a few array reads. A regex
 * alternation of the same literals tried every alternative at every position and cost more than all the
 * signal rules it was guarding.
 */
export class LiteralScanner {
  /** Compact symbol of each ASCII character used by some literal (0: none, the scan stops there). */
  private readonly symbolOf = new Uint8Array(128);
  private readonly symbols: number;
  /** next[node * symbols + symbol]: the child node, or 0 (the root is never a child). */
  private next: Int32Array;
  /** The number of the literal ending at each node, -1 where none does. */
  private readonly endsAt: number[] = [-1];
  private nodes = 1;

  constructor(literals: readonly string[]) {
    let symbols = 1;
    for (const literal of literals)
      for (let i = 0; i < literal.length; i++) {
        const c = literal.charCodeAt(i);
        if (c >= 128) throw new Error(`literal scanner: "${literal}" is not ASCII`);
        if (this.symbolOf[c] === 0) this.symbolOf[c] = symbols++;
      }
    this.symbols = symbols;
    this.next = new Int32Array(symbols * 64);
    literals.forEach((literal, number) => this.add(literal, number));
  }

  /** Calls `found` with the number of every literal that occurs in `text` (once per occurrence). */
  scan(text: string, found: (literal: number) => void): void {
    const { symbolOf, symbols, next, endsAt } = this;
    const n = text.length;
    for (let start = 0; start < n; start++) {
      let node = 0;
      for (let i = start; i < n; i++) {
        const c = text.charCodeAt(i);
        const symbol = c < 128 ? symbolOf[c] : 0;
        if (symbol === 0) break;
        node = next[node * symbols + symbol];
        if (node === 0) break;
        if (endsAt[node] >= 0) found(endsAt[node]);
      }
    }
  }

  private add(literal: string, number: number): void {
    let node = 0;
    for (let i = 0; i < literal.length; i++) {
      const at = node * this.symbols + this.symbolOf[literal.charCodeAt(i)];
      if (this.next[at] === 0) {
        if ((this.nodes + 1) * this.symbols > this.next.length) this.grow();
        this.endsAt.push(-1);
        this.next[at] = this.nodes++;
      }
      node = this.next[at];
    }
    this.endsAt[node] = number;
  }

  private grow(): void {
    const bigger = new Int32Array(this.next.length * 2);
    bigger.set(this.next);
    this.next = bigger;
  }
}
