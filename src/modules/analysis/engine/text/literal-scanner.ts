/**
 * Finds which of a fixed set of ASCII literals occur in a text in one left-to-right pass, one table read per
 * character: an Aho-Corasick automaton over the literals, stored as a dense transition table. Each literal
 * carries a bit mask and a scan returns the union of the masks of the literals found. A regex alternation of
 * the same literals tried every alternative at every position and cost more than the rules it was guarding.
 */
export class LiteralScanner {
  /** Compact symbol of each ASCII character some literal uses; 0 for every other character. */
  private readonly symbolOf = new Uint8Array(128);
  /** Same, with capitals mapped to their lowercase letter's symbol. */
  private readonly foldedSymbolOf = new Uint8Array(128);
  private readonly symbols: number;
  /** next[state * symbols + symbol]: the state after reading the symbol (0 is the start state). */
  private readonly next: Int16Array;
  /** Union of the masks of the literals that end where a state has just read. */
  private readonly found: Int32Array;

  /** Masks must be non-negative 31-bit integers (a scan reports a text beyond ASCII as -1 internally). */
  constructor(literals: readonly { text: string; mask: number }[]) {
    let symbols = 1;
    for (const { text, mask } of literals) {
      if (!Number.isInteger(mask) || mask < 0 || mask > 0x7fffffff)
        throw new Error(`literal scanner: mask of "${text}" is not a 31-bit integer`);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 128) throw new Error(`literal scanner: "${text}" is not ASCII`);
        if (this.symbolOf[c] === 0) this.symbolOf[c] = symbols++;
      }
    }
    this.symbols = symbols;
    for (let c = 0; c < 128; c++) this.foldedSymbolOf[c] = this.symbolOf[c >= 65 && c <= 90 ? c + 32 : c];
    const trie = buildTrie(literals, this.symbolOf);
    if (trie.children.length > 0x7fff) throw new Error('literal scanner: too many literals');
    this.next = new Int16Array(trie.children.length * symbols);
    this.found = new Int32Array(trie.children.length);
    this.link(trie);
  }

  /** Union of the masks of every literal that occurs in `text`. */
  scan(text: string): number {
    return this.scanWith(text, this.symbolOf);
  }

  /**
   * scan(text.toLowerCase()), reading ASCII capitals as lowercase instead of lowercasing the text (which
   * happens only when the text holds characters beyond ASCII, whose lowercase forms may be ASCII).
   */
  scanLowercased(text: string): number {
    const mask = this.scanAscii(text);
    return mask >= 0 ? mask : this.scanWith(text.toLowerCase(), this.symbolOf);
  }

  /** scan() with capitals read as lowercase, or -1 at the first character beyond ASCII. */
  private scanAscii(text: string): number {
    const { symbols, next, found, foldedSymbolOf } = this;
    let state = 0;
    let mask = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) return -1;
      state = next[state * symbols + foldedSymbolOf[c]];
      mask |= found[state];
    }
    return mask;
  }

  private scanWith(text: string, symbolOf: Uint8Array): number {
    const { symbols, next, found } = this;
    let state = 0;
    let mask = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      state = next[state * symbols + (c < 128 ? symbolOf[c] : 0)];
      mask |= found[state];
    }
    return mask;
  }

  /**
   * Fills the transition table breadth first: a missing child falls back to the longest proper suffix's.
   * States are numbered in that order, so the shallow states most characters lead to share cache lines.
   */
  private link(trie: Trie): void {
    const { symbols, next, found } = this;
    const fallback = new Int32Array(trie.children.length);
    const queue = [0];
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head];
      const state = head;
      found[state] = trie.masks[node] | found[fallback[state]];
      for (let symbol = 0; symbol < symbols; symbol++) {
        const child = trie.children[node][symbol];
        // From the start state a missing child stays there; elsewhere it is the fallback's transition.
        const viaFallback = state === 0 ? 0 : next[fallback[state] * symbols + symbol];
        if (child === undefined) next[state * symbols + symbol] = viaFallback;
        else {
          next[state * symbols + symbol] = queue.length;
          fallback[queue.length] = viaFallback;
          queue.push(child);
        }
      }
    }
  }
}

interface Trie {
  /** Children of each node by symbol (sparse). */
  children: number[][];
  /** Union of the masks of the literals ending at each node. */
  masks: number[];
}

function buildTrie(literals: readonly { text: string; mask: number }[], symbolOf: Uint8Array): Trie {
  const trie: Trie = { children: [[]], masks: [0] };
  for (const { text, mask } of literals) {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const symbol = symbolOf[text.charCodeAt(i)];
      let child = trie.children[node][symbol];
      if (child === undefined) {
        child = trie.children.length;
        trie.children.push([]);
        trie.masks.push(0);
        trie.children[node][symbol] = child;
      }
      node = child;
    }
    trie.masks[node] |= mask;
  }
  return trie;
}
