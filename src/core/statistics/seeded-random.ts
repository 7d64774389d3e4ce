// Module-level copies: in Jest's vm sandbox every lookup of a global such as `Math` is ~100× slower,
// which made the seeded simulations crawl; in Node itself this changes nothing.
const { imul, sqrt, log, cos, PI } = Math;

/**
 * mulberry32: a tiny seeded PRNG (uniform on [0, 1)), so simulations and bootstraps are reproducible.
 * Not for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw from a uniform source (Box–Muller). */
export function normalFrom(random: () => number): number {
  const u = 1 - random();
  return sqrt(-2 * log(u)) * cos(2 * PI * random());
}
