/** sfc32: small, fast, good enough for synthetic data, and identical on every platform for a seed. */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seeds: number[]) {
    // splitmix32 spreads (possibly tiny, sequential) seeds over the whole state.
    let state = 0x9e3779b9;
    for (const seed of seeds) state = Math.imul(state ^ (seed >>> 0), 0x85ebca6b) + 0x6b43a9b5;
    const next = () => {
      state = (state + 0x9e3779b9) | 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
      z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
      return (z ^ (z >>> 15)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[['a', 3], ['b', 1]]` returns 'a' three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    // Indexed loops: destructuring for-of made this the generator's hottest function.
    let total = 0;
    for (let i = 0; i < entries.length; i++) total += entries[i][1];
    let roll = this.next() * total;
    for (let i = 0; i < entries.length; i++) {
      roll -= entries[i][1];
      if (roll < 0) return entries[i][0];
    }
    return entries[entries.length - 1][0];
  }

  /** Poisson-distributed count (Knuth; fine for the small means used here). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let product = this.next();
    let count = 0;
    while (product > limit) {
      count++;
      product *= this.next();
    }
    return count;
  }

  /** Roughly normal (sum of three uniforms), mean 0, sd ~1. */
  gaussian(): number {
    return (this.next() + this.next() + this.next() - 1.5) * 2;
  }
}
